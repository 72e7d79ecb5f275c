package io.omnihub.benchmarks.orders;

import io.omnihub.benchmarks.orders.OpenLoop.Sent;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.LocalStack.Settings;
import io.omnihub.localstack.Part;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Orders end to end under load (issue 5): starts Kafka, MongoDB, S3, ingest, catalog, inventory, order-service and
 * the gateway as processes on free ports; loads the fixture stores and stores of its own, products and their stock
 * through the gateway; then posts orders through the gateway with the dev channel key at steady open-loop rates
 * and times each from the moment its POST was due to the moment its first {@code FulfillmentAssigned} is read from
 * {@code orders.fulfillment-assigned} by a plain Kafka consumer. Reports p50/p99 per rate, the highest rate whose
 * p99 stays within 250 ms, and the CPU each process spent per order. With {@code --sustained <minutes>} it runs
 * stock updates and orders together for that long instead (issue 8), samples each service's memory and then
 * accounts for every accepted request ({@link Sustained}).
 *
 * <pre>
 * ./mvnw -q -DskipTests install -pl benchmarks -am
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.omnihub.benchmarks.orders.OrderLoadBenchmark \
 *      --repo . [--rates 10,25,50,75] [--step-seconds 30] [--warmup-seconds 60] [--warmup-rate 40]
 *      [--warmup-jit-share 0.1] [--warmup-max-seconds 300] [--jvm part=option] [--stores 20] [--products 200]
 *      [--every-rate]
 *      [--sustained 5 --order-rate 10 --stock-rate 2 --stock-rows 20]
 * </pre>
 */
public final class OrderLoadBenchmark {

    static final double P99_CEILING_MS = 250;
    static final double GOAL_RATE = 50;
    static final double GOAL_P99_MS = 100;
    static final Duration WARMUP_ROUND = Duration.ofSeconds(20);
    private static final List<Part> MEASURED = List.of(Part.GATEWAY, Part.ORDER, Part.INVENTORY, Part.KAFKA,
            Part.MONGO, Part.INGEST, Part.CATALOG);

    private OrderLoadBenchmark() {
    }

    record Options(Path repo, List<Double> rates, Duration step, Duration warmup, double warmupRate,
                   Duration warmupMax, double warmupJitShare, int stores, int products,
                   Integer sustainedMinutes, double orderRate, double stockRate, int stockRows, boolean c1Only,
                   Map<Part, List<String>> jvmOptions, Duration drain, Path out, boolean everyRate) {

        static Options parse(String[] args) {
            Path repo = Path.of(".");
            List<Double> rates = List.of(10.0, 25.0, 50.0, 75.0);
            int step = 30;
            int warmup = 60;
            double warmupRate = 40;
            int warmupMax = 300;
            double warmupJitShare = 0.10;
            int stores = 20;
            int products = 200;
            Integer sustained = null;
            double orderRate = 10;
            double stockRate = 2;
            int stockRows = 20;
            boolean c1Only = false;
            Map<Part, List<String>> jvmOptions = new LinkedHashMap<>();
            int drain = 60;
            Path out = null;
            // on a crowded machine the 10/s step alone may be far behind: the CPU per order of every rate is still
            // worth having
            boolean everyRate = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--repo" -> repo = Path.of(args[++i]);
                    case "--rates" -> rates = List.of(args[++i].split(",")).stream().map(Double::parseDouble).toList();
                    case "--step-seconds" -> step = Integer.parseInt(args[++i]);
                    case "--warmup-seconds" -> warmup = Integer.parseInt(args[++i]);
                    case "--warmup-rate" -> warmupRate = Double.parseDouble(args[++i]);
                    case "--warmup-max-seconds" -> warmupMax = Integer.parseInt(args[++i]);
                    case "--warmup-jit-share" -> warmupJitShare = Double.parseDouble(args[++i]);
                    case "--stores" -> stores = Integer.parseInt(args[++i]);
                    case "--products" -> products = Integer.parseInt(args[++i]);
                    case "--sustained" -> sustained = Integer.parseInt(args[++i]);
                    case "--order-rate" -> orderRate = Double.parseDouble(args[++i]);
                    case "--stock-rate" -> stockRate = Double.parseDouble(args[++i]);
                    case "--stock-rows" -> stockRows = Integer.parseInt(args[++i]);
                    case "--c1-only" -> c1Only = true;
                    // e.g. a JFR recording: --order-option -XX:StartFlightRecording=delay=200s,filename=order.jfr
                    case "--order-option" -> jvmOptions.computeIfAbsent(Part.ORDER, part -> new ArrayList<>())
                            .add(args[++i]);
                    // any process, e.g. --jvm mongo=-Xms256m --jvm mongo=-Xmn160m (-Xmn alone is capped by -Xms)
                    case "--jvm" -> {
                        String[] partAndOption = args[++i].split("=", 2);
                        jvmOptions.computeIfAbsent(Part.byName(partAndOption[0]).orElseThrow(() ->
                                new IllegalArgumentException("no part " + partAndOption[0])), part -> new ArrayList<>())
                                .add(partAndOption[1]);
                    }
                    case "--drain-seconds" -> drain = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--every-rate" -> everyRate = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            repo = repo.toAbsolutePath().normalize();
            if (out == null) {
                out = repo.resolve(sustained == null ? "benchmarks/target/bench/orders.md"
                        : "benchmarks/target/bench/orders-sustained.md");
            }
            return new Options(repo, rates, Duration.ofSeconds(step), Duration.ofSeconds(warmup), warmupRate,
                    Duration.ofSeconds(warmupMax), warmupJitShare, stores, products,
                    sustained, orderRate, stockRate, stockRows, c1Only, Map.copyOf(jvmOptions),
                    Duration.ofSeconds(drain), out, everyRate);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path home = Files.createTempDirectory("omnihub-orders-bench-");
        Settings settings = Settings.forTests(options.repo(), home)
                .withParts(Part.KAFKA, Part.MONGO, Part.S3, Part.INGEST, Part.CATALOG, Part.INVENTORY, Part.ORDER,
                        Part.GATEWAY)
                .withHealthTimeout(Duration.ofMinutes(5));
        if (!options.c1Only()) {
            // the stack's JVMs stop at C1 to start small; a benchmark measures the code at full speed (C2)
            for (Part part : List.of(Part.GATEWAY, Part.ORDER, Part.INVENTORY)) {
                settings = settings.withJvmOptions(part, "-XX:TieredStopAtLevel=4",
                        "-XX:ReservedCodeCacheSize=128m");
            }
        }
        settings = settings.withJvmOptions(Part.GATEWAY, "-Dlogging.level.io.omnihub.gateway.access=WARN");
        for (Map.Entry<Part, List<String>> given : options.jvmOptions().entrySet()) {
            settings = settings.withJvmOptions(given.getKey(), given.getValue().toArray(String[]::new));
        }
        LocalStack stack = new LocalStack(settings, line -> say("  stack: " + line));
        try {
            stack.up();
            Gateway gateway = new Gateway(stack.gatewayUrl());
            LoadWorld world = new LoadWorld("LD", options.stores(), options.products(), 20261129L);
            setUp(gateway, world, options.repo());
            Map<Part, Long> pids = pids(stack);
            String report;
            try (AssignmentWatcher watcher = new AssignmentWatcher(stack.kafkaBootstrapServers())) {
                awaitFirstAssignment(gateway, world, watcher);
                String warmedUp = warmUp(gateway, world, watcher, pids, stack.serviceUrl(Part.ORDER), options);
                if (options.sustainedMinutes() != null) {
                    report = Sustained.run(gateway, world, watcher, stack, pids, options);
                } else {
                    List<Step> steps = new ArrayList<>();
                    for (double rate : options.rates()) {
                        Step step = step(gateway, world, watcher, rate, options.step(), options.drain(), pids,
                                stack.serviceUrl(Part.ORDER));
                        say(step.line() + "; watcher: " + watcher.progress());
                        steps.add(step);
                        if (step.p(0.5) > 10 * P99_CEILING_MS && !options.everyRate()) {
                            say("p99 is far past the ceiling: higher rates are not tried");
                            break;
                        }
                    }
                    report = report(options, warmedUp, steps);
                }
            }
            Files.createDirectories(options.out().getParent());
            Files.writeString(options.out(), report);
            System.out.println(report);
            say("written to " + options.out());
        } finally {
            stack.down();
        }
    }

    /** Stores (the fixture's and the run's own), the site's profile, products and their stock; waits until routable. */
    static void setUp(Gateway gateway, LoadWorld world, Path repo) throws Exception {
        byte[] fixtureStores = Files.readAllBytes(repo.resolve("fixtures/stores.json"));
        gateway.call(Gateway.OPERATOR, "PUT", "/api/v1/stores", gateway.json.readTree(fixtureStores), 200);
        gateway.call(Gateway.OPERATOR, "PUT", "/api/v1/stores", world.storesBody(), 200);
        gateway.call(Gateway.OPERATOR, "PUT", "/api/v1/routing-profiles/" + world.siteId, LoadWorld.profileBody(),
                200);
        JsonNode products = gateway.call(Gateway.ERP, "POST", "/api/v1/products", world.productsBody(), 202);
        JsonNode stock = gateway.call(Gateway.ERP, "POST", "/api/v1/stock?mode=partial",
                world.fullStockBody(100_000, Instant.now()), 202);
        awaitImport(gateway, products.path("importId").asString());
        awaitImport(gateway, stock.path("importId").asString());
        say("stores, profile, %d products and their stock accepted; waiting until order-service can route each"
                .formatted(world.eans.size()));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        for (String ean : world.eans) {
            while (true) {
                Map<String, Object> order = new LinkedHashMap<>(world.nextOrder());
                order.put("lines", List.of(Map.of("ean", ean, "quantity", 1, "unitPrice", 1)));
                JsonNode plan = gateway.call(Gateway.OPERATOR, "POST", "/api/v1/routing-profiles/" + world.siteId
                        + "/dry-run", order, 200);
                if (plan.path("assignments").size() > 0) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("order-service never saw stock of " + ean);
                }
                Thread.sleep(200);
            }
        }
        say("every product routable");
    }

    /** One order first: its assignment must reach the watcher, else nothing this harness measures would. */
    private static void awaitFirstAssignment(Gateway gateway, LoadWorld world, AssignmentWatcher watcher)
            throws Exception {
        String orderId = gateway.call(Gateway.CHANNEL, "POST", "/api/v1/orders", world.nextOrder(), 202)
                .path("orderId").asString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (watcher.assignedAt(orderId) == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the assignment of " + orderId + " never reached the watcher ("
                        + watcher.progress() + "); the order: " + gateway.find(Gateway.OPERATOR, "/api/v1/orders/"
                        + orderId));
            }
            Thread.sleep(100);
        }
        say("first order assigned and seen on Kafka; watcher: " + watcher.progress());
    }

    static JsonNode awaitImport(Gateway gateway, String importId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = gateway.find(Gateway.ERP, "/api/v1/imports/" + importId);
            String state = job == null ? "" : job.path("state").asString();
            if (state.startsWith("COMPLETED") || state.equals("REJECTED")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("import " + importId + " did not complete");
    }

    /**
     * What one rate gave: orders sent and accepted, latencies of those assigned, CPU per order of each process,
     * order-service's MongoDB commands per order ("collection command", empty when they could not be read).
     */
    record Step(double rate, int sent, int accepted, int assigned, Latencies latencies, Latencies answers,
                Map<Part, Double> cpuPerOrder, double jitPerOrder, String load, Map<String, Double> mongoPerOrder) {

        /** The latency at quantile q over every accepted order; +infinity when it was not assigned in time. */
        double p(double q) {
            return latencies.millisAmong(accepted, q);
        }

        String line() {
            return String.format(Locale.ROOT, "%.0f orders/s: %d sent, %d accepted, %d assigned, p50 %s, p99 %s, "
                    + "max %s (the POST answered: p50 %s, p99 %s), order-service %.2f ms CPU per order, the stack "
                    + "%.2f ms of which JIT compilers %.2f ms, load %s", rate, sent, accepted, assigned,
                    millis(p(0.5)), millis(p(0.99)), millis(latencies.maxMillis()), millis(answers.millis(0.5)),
                    millis(answers.millis(0.99)), cpuPerOrder.getOrDefault(Part.ORDER, Double.NaN),
                    cpuPerOrder.values().stream().mapToDouble(Double::doubleValue).sum(), jitPerOrder, load);
        }

        /** The share of the stack's CPU its JIT compilers took. */
        double jitShare() {
            double all = cpuPerOrder.values().stream().mapToDouble(Double::doubleValue).sum();
            return all > 0 ? jitPerOrder / all : 0;
        }

        boolean sustained() {
            return accepted == sent && assigned == accepted && p(0.99) <= P99_CEILING_MS;
        }
    }

    /** A latency for the report: "> wait" when it was not seen within the drain wait. */
    static String millis(double value) {
        return Double.isInfinite(value) ? "not within the wait" : Double.isNaN(value) ? "—"
                : String.format(Locale.ROOT, "%.1f ms", value);
    }

    static Step step(Gateway gateway, LoadWorld world, AssignmentWatcher watcher, double rate, Duration length,
            Duration drain, Map<Part, Long> pids, String orderServiceUrl) throws InterruptedException {
        Map<String, Double> mongoBefore = MongoCommandCounts.read(gateway.http, orderServiceUrl);
        Map<Part, Double> cpuBefore = cpu(pids);
        double jitBefore = jit(pids);
        List<Sent> sent = OpenLoop.run(gateway.http, rate, length,
                () -> gateway.request(Gateway.CHANNEL, "POST", "/api/v1/orders", world.nextOrder()));
        List<String> orderIds = new ArrayList<>();
        for (Sent one : sent) {
            orderIds.add(one.accepted() ? gateway.json.readTree(one.body()).path("orderId").asString() : null);
        }
        // the backlog drains before the next rate (up to --drain-seconds): each rate starts from an idle stack, and
        // the CPU counted is the CPU its orders cost
        long until = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < until && orderIds.stream()
                .anyMatch(id -> id != null && watcher.assignedAt(id) == null)) {
            Thread.sleep(50);
        }
        Map<Part, Double> cpuAfter = cpu(pids);
        double jitAfter = jit(pids);
        Map<String, Double> mongoAfter = MongoCommandCounts.read(gateway.http, orderServiceUrl);
        List<Long> latencies = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < sent.size(); i++) {
            if (orderIds.get(i) == null) {
                continue;
            }
            accepted++;
            Long at = watcher.assignedAt(orderIds.get(i));
            if (at != null) {
                latencies.add(at - sent.get(i).dueNanos());
            }
        }
        Map<Part, Double> perOrder = new LinkedHashMap<>();
        for (Part part : pids.keySet()) {
            perOrder.put(part, accepted == 0 ? Double.NaN : (cpuAfter.get(part) - cpuBefore.get(part)) / accepted);
        }
        if (latencies.isEmpty() && accepted > 0) {
            say("no accepted order seen assigned; accepted e.g. " + orderIds.stream().filter(id -> id != null)
                    .limit(3).toList() + ", assignments seen e.g. " + watcher.sample());
        }
        say(slowest(sent, orderIds, watcher));
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        sent.forEach(one -> statuses.merge(one.status(), 1, Integer::sum));
        if (accepted < sent.size()) {
            say("answers by status: " + statuses + "; first refusal: " + sent.stream()
                    .filter(one -> !one.accepted()).findFirst().map(Sent::body).orElse(""));
        }
        return new Step(rate, sent.size(), accepted, latencies.size(),
                new Latencies(latencies.stream().mapToLong(Long::longValue).toArray()),
                new Latencies(sent.stream().mapToLong(one -> one.answeredNanos() - one.dueNanos()).toArray()),
                perOrder,
                accepted == 0 ? Double.NaN : (jitAfter - jitBefore) / accepted, Load.average(),
                mongoBefore.isEmpty() || mongoAfter.isEmpty() ? Map.of()
                        : MongoCommandCounts.perOrder(mongoBefore, mongoAfter, accepted));
    }

    /**
     * Where the slowest 1 % of the assigned orders spent their time, beside the median order: the POST's answer,
     * from it to order-service's assignment (the reservation at inventory and back), from the assignment to its send
     * (the outbox relay), and from the send to the watcher's read. Wall clocks of one machine: the phases' sum is the
     * latency within a millisecond or two.
     */
    static String slowest(List<Sent> sent, List<String> orderIds, AssignmentWatcher watcher) {
        long wallMinusNano = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        List<long[]> phases = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            String orderId = orderIds.get(i);
            AssignmentWatcher.Moments moments = orderId == null ? null : watcher.moments(orderId);
            if (moments == null) {
                continue;
            }
            long due = sent.get(i).dueNanos() / 1_000_000 + wallMinusNano;
            long answered = sent.get(i).answeredNanos() / 1_000_000 + wallMinusNano;
            phases.add(new long[] {moments.readMillis() - due, answered - due, moments.assignedMillis() - answered,
                    moments.sentMillis() - moments.assignedMillis(), moments.readMillis() - moments.sentMillis()});
        }
        if (phases.isEmpty()) {
            return "no assigned order to break down";
        }
        phases.sort(java.util.Comparator.comparingLong(one -> one[0]));
        long[] median = phases.get(phases.size() / 2);
        List<long[]> tail = phases.subList(phases.size() - Math.max(1, phases.size() / 100), phases.size());
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "phases (total = POST answered + to "
                + "assigned + to sent + to read, ms): median %s; slowest %d:", Arrays.toString(median), tail.size()));
        tail.forEach(one -> text.append(' ').append(Arrays.toString(one)));
        return text.toString();
    }

    static Map<Part, Long> pids(LocalStack stack) {
        Map<Part, Long> pids = new LinkedHashMap<>();
        for (Part part : MEASURED) {
            stack.status().stream().filter(status -> status.part() == part && status.pid().isPresent()).findFirst()
                    .ifPresent(status -> pids.put(part, status.pid().getAsLong()));
        }
        return pids;
    }

    static Map<Part, Double> cpu(Map<Part, Long> pids) {
        Map<Part, Double> cpu = new LinkedHashMap<>();
        pids.forEach((part, pid) -> cpu.put(part, ProcStats.cpuMillis(pid)));
        return cpu;
    }

    /** CPU the measured processes' JIT compiler threads have spent so far (ms). */
    static double jit(Map<Part, Long> pids) {
        return pids.values().stream().mapToDouble(ProcStats::compilerCpuMillis).filter(millis -> millis > 0).sum();
    }

    /**
     * Orders at the warm-up rate in rounds of {@link #WARMUP_ROUND} until at least {@code --warmup-seconds} have
     * passed and the JIT compilers took at most {@code --warmup-jit-share} of the stack's CPU in the last round (or
     * {@code --warmup-max-seconds} have passed): five JVMs compile for minutes before their per-order code is
     * compiled, and a step measured meanwhile measures the compilers. Answers what the report says of it.
     */
    static String warmUp(Gateway gateway, LoadWorld world, AssignmentWatcher watcher, Map<Part, Long> pids,
            String orderServiceUrl, Options options) throws InterruptedException {
        Duration spent = Duration.ZERO;
        double jitShare;
        do {
            Step round = step(gateway, world, watcher, options.warmupRate(), WARMUP_ROUND, options.drain(), pids,
                    orderServiceUrl);
            spent = spent.plus(WARMUP_ROUND);
            jitShare = round.jitShare();
            say(String.format(Locale.ROOT, "warm-up, %d s: %s (JIT %.0f %% of the stack's CPU)", spent.toSeconds(),
                    round.line(), 100 * jitShare));
        } while (!warmEnough(spent, jitShare, options));
        return String.format(Locale.ROOT, "a %d s warm-up at %.0f/s (in rounds of %d s until at least %d s had passed "
                + "and the JIT compilers took at most %.0f %% of the stack's CPU, at most %d s: %.0f %% in its last "
                + "round)", spent.toSeconds(), options.warmupRate(), WARMUP_ROUND.toSeconds(),
                options.warmup().toSeconds(), 100 * options.warmupJitShare(), options.warmupMax().toSeconds(),
                100 * jitShare);
    }

    /** Whether a warm-up that has run {@code spent}, its last round's JIT share {@code jitShare}, may stop. */
    static boolean warmEnough(Duration spent, double jitShare, Options options) {
        return spent.compareTo(options.warmup()) >= 0
                && (jitShare <= options.warmupJitShare() || spent.compareTo(options.warmupMax()) >= 0);
    }

    static String report(Options options, String warmedUp, List<Step> steps) {
        StringBuilder text = new StringBuilder();
        text.append("## Orders end to end under load, %s%n%n".formatted(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))));
        text.append(String.format(Locale.ROOT, "POST /api/v1/orders through the gateway (dev-channel key), open loop, "
                + "%d s per rate after %s, each followed by up to %d s for the backlog to drain "
                + "(CPU counted over both); latency from the moment each POST was due to its first "
                + "FulfillmentAssigned read from orders.fulfillment-assigned by a plain Kafka consumer (intake, "
                + "routing, reservation at inventory over Kafka, assignment). %d stores of the run's own plus the "
                + "3 fixture stores, %d products, 1–3 lines per order. Services %s.%n%n",
                options.step().toSeconds(), warmedUp, options.drain().toSeconds(), options.stores(),
                options.products(),
                options.c1Only() ? "as the local stack starts them (C1 only)" : "with the full JIT (gateway, order, "
                        + "inventory: -XX:TieredStopAtLevel=4)"));
        text.append("| orders/s | sent | accepted (202) | assigned | p50 | p99 | max | within 250 ms p99 | POST answered "
                + "p50 / p99 | load average (1, 5, 15 min) |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- "
                + "| --- |\n");
        for (Step step : steps) {
            text.append(String.format(Locale.ROOT, "| %.0f | %d | %d | %d | %s | %s | %s | %s | %s / %s | %s |%n",
                    step.rate(), step.sent(), step.accepted(), step.assigned(), millis(step.p(0.5)),
                    millis(step.p(0.99)), millis(step.latencies().maxMillis()), step.sustained() ? "yes" : "no",
                    millis(step.answers().millis(0.5)), millis(step.answers().millis(0.99)), step.load()));
        }
        double best = highestSustained(steps);
        Step atGoal = steps.stream().filter(step -> step.rate() == GOAL_RATE).findFirst().orElse(null);
        text.append(String.format(Locale.ROOT, "%nHighest rate sustained with p99 ≤ %.0f ms and every order assigned: "
                + "**%s**. Goal p99 < %.0f ms at %.0f orders/s: %s.%n", P99_CEILING_MS,
                Double.isNaN(best) ? "none of the rates tried" : "%.0f orders/s".formatted(best), GOAL_P99_MS,
                GOAL_RATE, atGoal == null ? "not measured" : atGoal.sustained() && atGoal.p(0.99) < GOAL_P99_MS
                        ? "**met** (p99 " + millis(atGoal.p(0.99)) + ")" : "**missed** (p99 " + millis(atGoal.p(0.99))
                        + ", " + atGoal.accepted() + " of " + atGoal.sent() + " accepted)"));
        text.append("\nCPU per order (ms, user + system from /proc, over each step and its stragglers; "
                + "\"of which JIT compiling\": the JIT compiler threads of those processes, i.e. what was still being "
                + "compiled rather than run):\n\n| orders/s |");
        List<Part> parts = steps.isEmpty() ? List.of() : List.copyOf(steps.get(0).cpuPerOrder().keySet());
        parts.forEach(part -> text.append(' ').append(part.id()).append(" |"));
        text.append(" all | of which JIT compiling |\n| ---: |");
        parts.forEach(part -> text.append(" ---: |"));
        text.append(" ---: | ---: |\n");
        for (Step step : steps) {
            text.append(String.format(Locale.ROOT, "| %.0f |", step.rate()));
            double all = 0;
            for (Part part : parts) {
                double value = step.cpuPerOrder().get(part);
                all += value;
                text.append(String.format(Locale.ROOT, " %.2f |", value));
            }
            text.append(String.format(Locale.ROOT, " %.2f | %.2f |%n", all, step.jitPerOrder()));
        }
        text.append(mongoTable(steps));
        text.append(String.format(Locale.ROOT, "%nMachine: %d cores. Every figure above shares them with the other "
                + "seven processes of the stack and the load generator, and with whatever else ran (see the load "
                + "average); CPU per order is the figure a crowded machine changes least.%n",
                Runtime.getRuntime().availableProcessors()));
        return text.toString();
    }

    /** order-service's MongoDB commands per order, by collection and command; nothing when none were read. */
    static String mongoTable(List<Step> steps) {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        steps.forEach(step -> keys.addAll(step.mongoPerOrder().keySet()));
        if (keys.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\norder-service's MongoDB commands per order (its driver's count, "
                + "mongodb.driver.commands; background passes included):\n\n| collection command |");
        steps.forEach(step -> text.append(String.format(Locale.ROOT, " %.0f/s |", step.rate())));
        text.append("\n| --- |");
        steps.forEach(step -> text.append(" ---: |"));
        text.append('\n');
        for (String key : keys) {
            text.append("| ").append(key).append(" |");
            steps.forEach(step -> text.append(String.format(Locale.ROOT, " %.2f |",
                    step.mongoPerOrder().getOrDefault(key, 0.0))));
            text.append('\n');
        }
        text.append("| all |");
        steps.forEach(step -> text.append(String.format(Locale.ROOT, " %.2f |",
                step.mongoPerOrder().values().stream().mapToDouble(Double::doubleValue).sum())));
        text.append('\n');
        return text.toString();
    }

    /** The highest rate whose p99 stayed within the ceiling with every order assigned; NaN when none did. */
    static double highestSustained(List<Step> steps) {
        return steps.stream().filter(Step::sustained).mapToDouble(Step::rate).max().orElse(Double.NaN);
    }

    static void say(String message) {
        System.out.println("[orders-bench] " + message);
    }

    static HttpRequest order(Gateway gateway, LoadWorld world) {
        return gateway.request(Gateway.CHANNEL, "POST", "/api/v1/orders", world.nextOrder());
    }
}
