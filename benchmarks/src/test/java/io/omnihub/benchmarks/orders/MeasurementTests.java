package io.omnihub.benchmarks.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.localstack.Part;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MeasurementTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void percentilesAreNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }
        Latencies latencies = new Latencies(nanos);

        assertThat(latencies.millis(0.50)).isEqualTo(50.0);
        assertThat(latencies.millis(0.99)).isEqualTo(99.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
        assertThat(new Latencies(new long[0]).millis(0.5)).isNaN();
    }

    @Test
    void aPercentileFallingAmongTheUnansweredIsInfinite() {
        Latencies answered = new Latencies(new long[] {1_000_000L, 2_000_000L, 3_000_000L});

        assertThat(answered.millisAmong(4, 0.50)).isEqualTo(2.0);
        assertThat(answered.millisAmong(4, 0.99)).isInfinite();
        assertThat(answered.millisAmong(3, 0.99)).isEqualTo(3.0);
        assertThat(OrderLoadBenchmark.millis(Double.POSITIVE_INFINITY)).isEqualTo("not within the wait");
    }

    @Test
    void theHighestSustainedRateIsTheLastWithinTheCeilingWithEveryOrderAssigned() {
        OrderLoadBenchmark.Step fine = step(10, 100, 100, 80);
        OrderLoadBenchmark.Step lostOne = step(25, 250, 249, 90);
        OrderLoadBenchmark.Step slow = step(50, 500, 500, 400);

        assertThat(OrderLoadBenchmark.highestSustained(List.of(fine, lostOne, slow))).isEqualTo(10);
        assertThat(OrderLoadBenchmark.highestSustained(List.of(slow))).isNaN();
    }

    private static OrderLoadBenchmark.Step step(double rate, int sent, int assigned, long latencyMillis) {
        long[] nanos = new long[assigned];
        java.util.Arrays.fill(nanos, latencyMillis * 1_000_000L);
        return new OrderLoadBenchmark.Step(rate, sent, sent, assigned, new Latencies(nanos), new Latencies(nanos),
                Map.of(Part.ORDER, 1.0), 0, "0 0 0", Map.of());
    }

    @Test
    void mongoCommandsAreCountedPerCollectionAndCommandOverTheOtherLabelsAndPerOrder() {
        String before = """
                # HELP mongodb_driver_commands_seconds Timer of mongodb commands
                mongodb_driver_commands_seconds_count{cluster_id="c",collection="orders",command="update",server_address="a",status="SUCCESS"} 10
                mongodb_driver_commands_seconds_count{cluster_id="c",collection="orders",command="update",server_address="a",status="FAILED"} 2
                mongodb_driver_commands_seconds_sum{cluster_id="c",collection="orders",command="update",server_address="a",status="SUCCESS"} 0.5
                mongodb_driver_commands_seconds_count{cluster_id="c",collection="stores",command="find",server_address="a",status="SUCCESS"} 4
                """;
        String after = before.replace("} 10", "} 40").replace("} 4\n", "} 4\n")
                + "mongodb_driver_commands_seconds_count{cluster_id=\"c\",collection=\"availability\",command=\"find\","
                + "server_address=\"a\",status=\"SUCCESS\"} 15\n";

        Map<String, Double> counted = MongoCommandCounts.parse(before);
        Map<String, Double> perOrder = MongoCommandCounts.perOrder(counted, MongoCommandCounts.parse(after), 10);

        assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of("orders update", 12.0, "stores find", 4.0));
        assertThat(perOrder).containsExactlyInAnyOrderEntriesOf(Map.of("orders update", 3.0,
                "availability find", 1.5));
        assertThat(OrderLoadBenchmark.mongoTable(List.of(step(10, 100, 100, 80)))).isEmpty();
    }

    @Test
    void anOrderIsAccountedWhenEveryUnitIsHeldOrUnfulfillable() {
        JsonNode placed = JSON.readTree("""
                {"status": "ASSIGNED", "routing": [{"reasons": []}],
                 "lines": [{"ean": "A", "quantity": 2, "unfulfillable": 0}, {"ean": "B", "quantity": 1, "unfulfillable": 1}],
                 "fulfillments": [{"status": "ASSIGNED", "rerouted": false, "lines": [{"ean": "A", "quantity": 2}]}]}
                """);
        JsonNode stillReserving = JSON.readTree("""
                {"status": "ROUTING", "routing": [{"reasons": []}],
                 "lines": [{"ean": "A", "quantity": 2, "unfulfillable": 0}],
                 "fulfillments": [{"status": "CREATED", "rerouted": false, "lines": [{"ean": "A", "quantity": 2}]}]}
                """);
        JsonNode reroutedAway = JSON.readTree("""
                {"status": "ASSIGNED", "routing": [{"reasons": []}],
                 "lines": [{"ean": "A", "quantity": 2, "unfulfillable": 0}],
                 "fulfillments": [{"status": "ASSIGNED", "rerouted": true, "lines": [{"ean": "A", "quantity": 2}]}]}
                """);

        assertThat(Sustained.unaccounted(placed)).isNull();
        assertThat(Sustained.unaccounted(stillReserving)).contains("A: 0 of 2");
        assertThat(Sustained.unaccounted(reroutedAway)).contains("A: 0 of 2");
    }

    @Test
    void readsHeapUsedFromPrometheus() {
        String exposition = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 3.0E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
                """;

        assertThat(Sustained.heapUsed(exposition)).isEqualTo(4.0E7);
        assertThat(Sustained.heapUsed("")).isEqualTo(-1);
    }

    @Test
    void readsCpuTimeAfterACommandNameWithSpaces() {
        String stat = "4242 (java main thread) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0";

        assertThat(ProcStats.cpuMillisOf(stat)).isEqualTo(3_000);
    }

    @Test
    void compilerThreadsAreTheJitsByTheirNames() {
        assertThat(ProcStats.isCompilerThread("17 (C2 CompilerThre) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0")).isTrue();
        assertThat(ProcStats.isCompilerThread("18 (C1 CompilerThre) S 1 2 3")).isTrue();
        assertThat(ProcStats.isCompilerThread("19 (kafka-producer-) S 1 2 3")).isFalse();
        assertThat(ProcStats.isCompilerThread("20 (java) S 1 2 3")).isFalse();
    }

    @Test
    void theWarmUpLastsItsMinimumThenUntilTheCompilersQuietOrItsMaximum() {
        OrderLoadBenchmark.Options options = OrderLoadBenchmark.Options.parse(new String[] {"--warmup-seconds", "60",
                "--warmup-max-seconds", "300", "--warmup-jit-share", "0.1"});

        assertThat(OrderLoadBenchmark.warmEnough(java.time.Duration.ofSeconds(40), 0.01, options)).isFalse();
        assertThat(OrderLoadBenchmark.warmEnough(java.time.Duration.ofSeconds(60), 0.25, options)).isFalse();
        assertThat(OrderLoadBenchmark.warmEnough(java.time.Duration.ofSeconds(60), 0.08, options)).isTrue();
        assertThat(OrderLoadBenchmark.warmEnough(java.time.Duration.ofSeconds(300), 0.25, options)).isTrue();
    }

    @Test
    void theJitShareIsTheCompilersPartOfTheWholeStacksCpu() {
        OrderLoadBenchmark.Step step = new OrderLoadBenchmark.Step(10, 1, 1, 1, new Latencies(new long[] {1}), new Latencies(new long[] {1}),
                Map.of(Part.ORDER, 6.0, Part.KAFKA, 2.0), 2.0, "0 0 0", Map.of());

        assertThat(step.jitShare()).isEqualTo(0.25);
    }
}
