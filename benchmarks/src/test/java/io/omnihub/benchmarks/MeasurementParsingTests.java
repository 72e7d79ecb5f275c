package io.omnihub.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementParsingTests {

    @Test
    void readsTheClosingLineOfProducerPerformanceAndNotItsProgressLines() {
        String output = """
                243901 records sent, 48780.2 records/sec (27.91 MB/sec), 520.3 ms avg latency, 901.0 ms max latency.
                200000 records sent, 51234.5 records/sec (29.32 MB/sec), 480.12 ms avg latency, 950.00 ms max latency, 470 ms 50th, 800 ms 95th, 900 ms 99th, 940 ms 99.9th.
                """;

        var summary = ProducerPerf.summaryOf(output).orElseThrow();

        assertThat(summary.records()).isEqualTo(200_000);
        assertThat(summary.recordsPerSecond()).isEqualTo(51_234.5);
        assertThat(summary.p99Ms()).isEqualTo(900);
    }

    @Test
    void runsProducerPerformanceWithOmnihubsProducerSettings() {
        assertThat(ProducerPerf.arguments("t", 10, 600, "127.0.0.1:1"))
                .containsSequence("--record-size", "600")
                .contains("acks=all", "enable.idempotence=true", "linger.ms=5", "bootstrap.servers=127.0.0.1:1");
    }

    @Test
    void readsCpuTimeFromAStatLineWhoseThreadNameHasSpacesAndParentheses() {
        String stat = "4711 (C2 Compiler (x)) S 1 4711 4711 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 1 2 3";

        assertThat(ProcessStats.cpuMillisOf(stat)).isEqualTo(3_000);
    }

    @Test
    void takesTheLastHeapLimitOfACommandLineAsTheJvmDoes() {
        List<String> command = List.of("java", "-Xms64m", "-Xmx288m", "-XX:+UseSerialGC", "-Xmx256m", "-cp", "x", "Main");

        assertThat(ProcessStats.maxHeapOption(command)).isEqualTo("-Xmx256m");
        assertThat(ImportBenchmark.jvmOptions(command)).containsExactly("-Xms64m", "-Xmx288m", "-XX:+UseSerialGC",
                "-Xmx256m");
    }

    @Test
    void readsBackTheLinesOfAParseOnlyChildJvm() {
        var pass = new ParseOnly.Pass(200_001, 2_000_000_000L, 42);

        assertThat(ParseOnly.parseLine(ParseOnly.line(0, pass))).isEqualTo(pass);
        assertThat(ParseOnly.parseLine("some log line")).isNull();
    }

    @Test
    void sumsThePrometheusSamplesOfOneMetric() {
        String exposition = """
                # TYPE jvm_memory_max_bytes gauge
                jvm_memory_max_bytes{area="heap",id="Eden Space"} 7.0E7
                jvm_memory_max_bytes{area="heap",id="Tenured Gen"} 1.9E8
                jvm_memory_max_bytes{area="nonheap",id="Metaspace"} -1.0
                """;

        assertThat(ServiceProbe.sum(exposition, "jvm_memory_max_bytes", "area=\"heap\"")).isEqualTo(2.6E8);
        assertThat(ServiceProbe.sum(exposition, "jvm_gc_pause_seconds_count", null)).isNaN();
    }

    @Test
    void givesASampleToTheInnermostPartOfThePipelineOnItsStack() {
        var publishing = List.of("java.lang.String", "tools.jackson.databind.ObjectMapper",
                "io.omnihub.platform.kafka.EventPublisher", "io.omnihub.ingest.products.ProductImporter",
                "org.dhatim.fastexcel.reader.RowSpliterator");
        var reading = List.of("java.lang.StringUTF16", "com.fasterxml.aalto.in.Utf8Scanner",
                "org.dhatim.fastexcel.reader.RowSpliterator");

        assertThat(Profiler.componentOf(publishing)).isEqualTo("event JSON (Jackson)");
        assertThat(Profiler.componentOf(reading)).isEqualTo("xlsx reading (fastexcel-reader, XML, unzip)");
        assertThat(Profiler.componentOf(List.of("java.lang.Thread"))).isEqualTo("other");
    }
}
