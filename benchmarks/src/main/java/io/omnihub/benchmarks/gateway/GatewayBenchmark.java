package io.omnihub.benchmarks.gateway;

import io.omnihub.contracts.EventTypes;
import io.omnihub.contracts.Golden;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.contracts.identity.Role;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.LocalStack.Settings;
import io.omnihub.localstack.Part;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The gateway's overhead, measured side by side in one run: the same GET of a product straight to catalog-service
 * (with an identity token signed as the gateway would) and through the gateway (with an API key), at a fixed
 * concurrency, in alternating rounds so that both see the same machine. Starts Kafka, MongoDB, S3,
 * catalog-service and the gateway as processes on free ports and stops them at the end.
 *
 * <pre>
 * ./mvnw -q -DskipTests install -pl benchmarks -am      (or package what is missing)
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *      io.omnihub.benchmarks.gateway.GatewayBenchmark --repo . [--concurrency 8] [--seconds 15] [--rounds 3] [--warmup-seconds 20]
 *      [--warmup-requests 20000]
 * </pre>
 */
public final class GatewayBenchmark {

    private static final String REFERENCE = "1001";
    private static final String PATH = "/api/v1/products/" + REFERENCE;
    private static final String DEV_KEY = "dev-operator";
    private static final String LOAD_GENERATOR = "load generator (this JVM, JDK HttpClient)";
    private static final String GATEWAY = "gateway";
    private static final String CATALOG = "catalog-service";

    private GatewayBenchmark() {
    }

    record Options(Path repo, int concurrency, Duration round, int rounds, Duration warmup, int warmupRequests,
                   Path out, List<String> gatewayOptions) {

        static Options parse(String[] args) {
            Path repo = Path.of(".");
            int concurrency = 8;
            int seconds = 15;
            int rounds = 3;
            int warmup = 20;
            // the JIT compiles the deep reactive stacks after tens of thousands of requests: fewer, and the CPU per
            // request measured includes compiling (a crowded machine gets through fewer requests in the same time)
            int warmupRequests = 20_000;
            Path out = null;
            List<String> gatewayOptions = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--repo" -> repo = Path.of(args[++i]);
                    case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--warmup-seconds" -> warmup = Integer.parseInt(args[++i]);
                    case "--warmup-requests" -> warmupRequests = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    // e.g. a JFR recording: --gateway-option -XX:StartFlightRecording=delay=90s,filename=gw.jfr
                    case "--gateway-option" -> gatewayOptions.add(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            repo = repo.toAbsolutePath().normalize();
            if (out == null) {
                out = repo.resolve("benchmarks/target/bench/gateway.md");
            }
            return new Options(repo, concurrency, Duration.ofSeconds(seconds), rounds, Duration.ofSeconds(warmup),
                    warmupRequests, out, List.copyOf(gatewayOptions));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path home = Files.createTempDirectory("omnihub-gateway-bench-");
        Settings settings = Settings.forTests(options.repo(), home)
                .withParts(Part.KAFKA, Part.MONGO, Part.S3, Part.CATALOG, Part.GATEWAY)
                // the measured key must not run into its rate limit: that would measure 429s, not routing
                // the stack's JVMs stop at C1 to start small; a benchmark measures the code at full speed (C2)
                .withJvmOptions(Part.CATALOG, "-XX:TieredStopAtLevel=4", "-XX:ReservedCodeCacheSize=128m")
                .withJvmOptions(Part.GATEWAY, "-XX:TieredStopAtLevel=4", "-XX:ReservedCodeCacheSize=128m")
                .withJvmOptions(Part.GATEWAY, "-Domnihub.gateway.rate-limit.roles.OPERATOR.capacity=100000000",
                        "-Domnihub.gateway.rate-limit.roles.OPERATOR.per-second=100000000",
                        "-Dlogging.level.io.omnihub.gateway.access=WARN")
                .withJvmOptions(Part.GATEWAY, options.gatewayOptions().toArray(String[]::new))
                .withHealthTimeout(Duration.ofMinutes(4));
        LocalStack stack = new LocalStack(settings, line -> say("  stack: " + line));
        try {
            stack.up();
            seedProduct(stack);
            URI direct = URI.create(stack.serviceUrl(Part.CATALOG) + PATH);
            URI gateway = URI.create(stack.gatewayUrl() + PATH);
            String token = new IdentityToken(stack.identitySecret()).sign(
                    new Identity("benchmark", Set.of(Role.OPERATOR), Set.of(Identity.ALL_STORES)),
                    Instant.now().plus(Duration.ofHours(2)));
            Map<String, String> directHeaders = Map.of(IdentityToken.HEADER, token);
            Map<String, String> gatewayHeaders = Map.of("X-Api-Key", DEV_KEY);
            awaitProduct(gateway, gatewayHeaders);

            say("warm-up: at least " + options.warmup().toSeconds() + " s and " + options.warmupRequests()
                    + " requests each, concurrency " + options.concurrency());
            warmUp("warm-direct", direct, directHeaders, options);
            warmUp("warm-gateway", gateway, gatewayHeaders, options);

            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
            pids.put(GATEWAY, pid(stack, Part.GATEWAY));
            pids.put(CATALOG, pid(stack, Part.CATALOG));
            pids.put("MongoDB (mongo-java-server)", pid(stack, Part.MONGO));
            pids.put("Kafka (idle)", pid(stack, Part.KAFKA));
            pids.put("S3 (idle)", pid(stack, Part.S3));
            ProcessCpu cpu = new ProcessCpu(pids);
            String loadBefore = loadAverage();
            List<LoadResult> directRuns = new ArrayList<>();
            List<LoadResult> gatewayRuns = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                Map<String, Double> before = cpu.snapshot();
                LoadResult d = ClosedLoop.run("direct", direct, directHeaders, options.concurrency(), options.round());
                Map<String, Double> between = cpu.snapshot();
                LoadResult g = ClosedLoop.run("gateway", gateway, gatewayHeaders, options.concurrency(),
                        options.round());
                cpu.add(false, before, between);
                cpu.add(true, between, cpu.snapshot());
                say("round %d: direct %s, gateway %s".formatted(round, line(d), line(g)));
                directRuns.add(d);
                gatewayRuns.add(g);
            }
            LoadResult d = LoadResult.merge("direct", directRuns.toArray(LoadResult[]::new));
            LoadResult g = LoadResult.merge("gateway", gatewayRuns.toArray(LoadResult[]::new));
            String report = report(options, d, g) + cpuReport(d, g, cpu) + "%nMachine: %d cores, load average %s before and %s after the measured rounds.%n"
                    .formatted(Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
            Files.createDirectories(options.out().getParent());
            Files.writeString(options.out(), report);
            System.out.println(report);
            say("written to " + options.out());
        } finally {
            stack.down();
        }
    }

    /** The same warm-up for both sides: the time asked for, then more until the request count (at most 5 min). */
    private static void warmUp(String name, URI uri, Map<String, String> headers, Options options)
            throws InterruptedException {
        long requests = ClosedLoop.run(name, uri, headers, options.concurrency(), options.warmup()).requests();
        Instant limit = Instant.now().plus(Duration.ofMinutes(5));
        while (requests < options.warmupRequests() && Instant.now().isBefore(limit)) {
            requests += ClosedLoop.run(name, uri, headers, options.concurrency(), Duration.ofSeconds(10)).requests();
        }
        say("%s: %,d requests".formatted(name, requests));
    }

    private static void seedProduct(LocalStack stack) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CATALOG_PRODUCTS, REFERENCE,
                    Golden.bytes("catalog.products/product-upserted.json"));
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", EventTypes.typeOf(ProductUpserted.class));
            header(record, "ce_source", "/benchmarks/gateway");
            header(record, "ce_time", Instant.now().toString());
            header(record, "ce_specversion", "1.0");
            header(record, "content-type", "application/json");
            producer.send(record).get();
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitProduct(URI uri, Map<String, String> headers) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        // the first call through a cold gateway and service on a crowded machine may take a while: a slow answer
        // is tried again until the deadline, not taken for a failure of the run
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        Instant deadline = Instant.now().plusSeconds(180);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    say("product " + REFERENCE + " readable through the gateway (" + response.body().length()
                            + " bytes)");
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("product " + REFERENCE + " never became readable at " + uri + ": " + last);
    }

    static String report(Options options, LoadResult direct, LoadResult gateway) {
        double ratio = gateway.throughput() / direct.throughput();
        double addedP50 = gateway.percentileMillis(0.50) - direct.percentileMillis(0.50);
        StringBuilder text = new StringBuilder();
        text.append("| GET %s, concurrency %d, %d × %d s each, alternating | direct to catalog-service | through the gateway |%n"
                .formatted(PATH, options.concurrency(), options.rounds(), options.round().toSeconds()));
        text.append("| --- | --- | --- |\n");
        text.append("| warm-up before the rounds | at least %d s and %,d requests | the same |%n".formatted(
                options.warmup().toSeconds(), options.warmupRequests()));
        text.append("| requests (errors) | %,d (%d) | %,d (%d) |%n".formatted(direct.requests(), direct.errors(),
                gateway.requests(), gateway.errors()));
        text.append("| throughput | %,.0f req/s | %,.0f req/s |%n".formatted(direct.throughput(),
                gateway.throughput()));
        for (double q : new double[] {0.50, 0.90, 0.99}) {
            text.append("| p%d latency | %.2f ms | %.2f ms |%n".formatted(Math.round(q * 100),
                    direct.percentileMillis(q), gateway.percentileMillis(q)));
        }
        text.append("\n");
        text.append(String.format(Locale.ROOT, "Through the gateway: **%.0f %%** of the direct throughput (goal ≥ 70 %%), "
                + "**%+.2f ms** at p50 (goal ≤ 2 ms): %s.%n", ratio * 100, addedP50,
                ratio >= 0.70 && addedP50 <= 2.0 ? "both goals met" : "goal NOT met"));
        return text.toString();
    }

    private static long pid(LocalStack stack, Part part) {
        return stack.status().stream().filter(status -> status.part() == part).findFirst()
                .flatMap(status -> status.pid().isPresent() ? java.util.Optional.of(status.pid().getAsLong())
                        : java.util.Optional.empty())
                .orElseThrow(() -> new IllegalStateException(part.id() + " is not running"));
    }

    /**
     * CPU per request of every process, which a crowded machine hardly changes, and what it predicts: on shared
     * cores that all of it competes for (this machine), the throughput ratio is the ratio of the total CPU per
     * request; with the gateway on cores of its own (compose, k8s), it is a core's worth of gateway against a core's
     * worth of catalog-service, and the gateway adds its own CPU per request to the latency.
     */
    static String cpuReport(LoadResult direct, LoadResult gateway, ProcessCpu cpu) {
        StringBuilder text = new StringBuilder();
        text.append("\n| CPU per request (ms, user + system from /proc) | direct | through the gateway |\n");
        text.append("| --- | --- | --- |\n");
        double totalDirect = 0;
        double totalGateway = 0;
        for (String name : cpu.names()) {
            double d = cpu.millis(name, false) / direct.requests();
            double g = cpu.millis(name, true) / gateway.requests();
            totalDirect += d;
            totalGateway += g;
            text.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", name, d, g));
        }
        text.append(String.format(Locale.ROOT, "| **all processes** | **%.3f** | **%.3f** |%n", totalDirect,
                totalGateway));
        double gatewayCost = cpu.millis(GATEWAY, true) / gateway.requests();
        double catalogDirect = cpu.millis(CATALOG, false) / direct.requests();
        text.append(String.format(Locale.ROOT, "%nWhat the CPU per request predicts: all processes on the same "
                + "cores, CPU-bound (this machine): **%.0f %%** of the direct throughput through the gateway "
                + "(%.3f / %.3f ms). The gateway on cores of its own (compose, k8s): one gateway core forwards %,.0f "
                + "req/s, one catalog-service core serves %,.0f req/s, so **%.0f %%** with as many gateway cores as "
                + "service cores, and about %.2f ms of gateway work added to each request.%n",
                100 * totalDirect / totalGateway, totalDirect, totalGateway, 1000 / gatewayCost,
                1000 / catalogDirect, 100 * Math.min(1, catalogDirect / gatewayCost), gatewayCost));
        return text.toString();
    }

    /** The 1-minute load average (Linux), to judge how much else ran on the machine during the measurement. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String line(LoadResult result) {
        return String.format(Locale.ROOT, "%,.0f req/s p50 %.2f ms p99 %.2f ms errors %d", result.throughput(),
                result.percentileMillis(0.5), result.percentileMillis(0.99), result.errors());
    }

    private static void say(String message) {
        System.out.println("[gateway-bench] " + message);
    }
}
