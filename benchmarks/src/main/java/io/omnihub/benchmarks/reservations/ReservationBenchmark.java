package io.omnihub.benchmarks.reservations;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.omnihub.contracts.Topics;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.LocalStack.Settings;
import io.omnihub.localstack.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reservation benchmark of issue 4, in one run: starts Kafka, MongoDB (the embedded stack's) and
 * inventory-service as processes on free ports; measures the baseline, the raw rate of single-document conditional
 * {@code findOneAndUpdate} (take one unit if one is available) on the same MongoDB server from as many threads as
 * inventory has listener threads; then the reserve rate end to end (ReserveStock on {@code orders.commands} →
 * ReservationConfirmed on {@code inventory.reservations}) with contention on a few EANs and spread over many; and a
 * scarce scenario that checks that no unit is promised twice. Stops everything and writes a Markdown report.
 *
 * <p>Usage: {@code ReservationBenchmark [--repo DIR] [--reservations N] [--few-eans N] [--many-eans N]
 * [--baseline-ops N] [--scarce-units N] [--out FILE] [--timeout-minutes N]}
 */
public final class ReservationBenchmark {

    static final String RESERVE_TYPE = "io.omnihub.orders.reserve-stock";
    static final String CONFIRMED_TYPE = "io.omnihub.inventory.reservation-confirmed";
    static final String REFUSED_TYPE = "io.omnihub.inventory.reservation-refused";
    static final String FIGURE_TYPE = "io.omnihub.inventory.stock-level-reported";
    /** inventory-service's listener concurrency (application.yml): the baseline uses as many threads. */
    static final int THREADS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReservationBenchmark() {
    }

    /** The command line. */
    record Options(Path repo, int reservations, int fewEans, int manyEans, int baselineOps, int scarceUnits,
            Path out, Duration timeout) {

        static Options parse(String[] args) {
            Path repo = Path.of("").toAbsolutePath();
            int reservations = 5_000;
            int few = 4;
            int many = 2_000;
            int baselineOps = 20_000;
            int scarce = 200;
            Path out = null;
            Duration timeout = Duration.ofMinutes(20);
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--repo" -> repo = Path.of(value).toAbsolutePath();
                    case "--reservations" -> reservations = Integer.parseInt(value.replace("_", ""));
                    case "--few-eans" -> few = Integer.parseInt(value);
                    case "--many-eans" -> many = Integer.parseInt(value.replace("_", ""));
                    case "--baseline-ops" -> baselineOps = Integer.parseInt(value.replace("_", ""));
                    case "--scarce-units" -> scarce = Integer.parseInt(value);
                    case "--out" -> out = Path.of(value).toAbsolutePath();
                    case "--timeout-minutes" -> timeout = Duration.ofMinutes(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (reservations < 1 || few < 1 || many < few || baselineOps < 1 || scarce < 1) {
                throw new IllegalArgumentException("counts must be positive and --many-eans at least --few-eans");
            }
            if (out == null) {
                out = repo.resolve("benchmarks/target/bench/reservations.md");
            }
            return new Options(repo, reservations, few, many, baselineOps, scarce, out, timeout);
        }
    }

    /** One measured figure. */
    record Figure(String name, long operations, long nanos, long mongoCpuMillis, long inventoryCpuMillis) {

        Figure(String name, long operations, long nanos) {
            this(name, operations, nanos, 0, 0);
        }

        Figure withCpu(long mongoCpuMillis, long inventoryCpuMillis) {
            return new Figure(name, operations, nanos, mongoCpuMillis, inventoryCpuMillis);
        }

        double perSecond() {
            return operations * 1e9 / nanos;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = options.repo().resolve("benchmarks/target/bench/reservations");
        deleteRecursively(work);
        Files.createDirectories(work);
        ZonedDateTime startedAt = ZonedDateTime.now();
        String load = loadAverage();
        Settings settings = Settings.forTests(options.repo(), work.resolve("stack"))
                .withParts(Part.KAFKA, Part.MONGO, Part.INVENTORY).withHealthTimeout(Duration.ofMinutes(4));
        LocalStack stack = new LocalStack(settings, line -> say("  stack: " + line));
        Map<String, Figure> figures = new LinkedHashMap<>();
        long[] scarce = new long[2];
        try {
            say("starting kafka, mongo, inventory-service");
            stack.up();
            try (MongoClient mongo = MongoClients.create(stack.mongoUri("inventory"))) {
                MongoCollection<Document> baseline = mongo.getDatabase("reservations-baseline").getCollection("units");
                figures.put("baseline few", baseline(baseline, options.fewEans(), options.baselineOps()));
                figures.put("baseline many", baseline(baseline, options.manyEans(), options.baselineOps()));
                MongoCollection<Document> stock = mongo.getDatabase("inventory").getCollection("stock");
                try (Kafka kafka = new Kafka(stack.kafkaBootstrapServers())) {
                    kafka.awaitConsumer("inventory-service", Topics.ORDERS_COMMANDS, Duration.ofMinutes(2));
                    // a warm-up so that JIT and connection pools are not measured
                    reserve(kafka, stock, "BENCH-WARM", options.fewEans(), Math.min(500, options.reservations()),
                            options.reservations(), options.timeout());
                    long[] cpu = cpuMillis(stack);
                    Figure few = reserve(kafka, stock, "BENCH-FEW", options.fewEans(),
                            options.reservations(), options.reservations(), options.timeout());
                    long[] cpuAfterFew = cpuMillis(stack);
                    figures.put("reserve few", few.withCpu(cpuAfterFew[0] - cpu[0], cpuAfterFew[1] - cpu[1]));
                    Figure many = reserve(kafka, stock, "BENCH-MANY", options.manyEans(),
                            options.reservations(), options.reservations(), options.timeout());
                    long[] cpuAfterMany = cpuMillis(stack);
                    figures.put("reserve many", many.withCpu(cpuAfterMany[0] - cpuAfterFew[0],
                            cpuAfterMany[1] - cpuAfterFew[1]));
                    scarce = scarce(kafka, stock, options.scarceUnits(), options.timeout());
                }
            }
        } finally {
            say("stopping the stack");
            stack.down();
        }
        String report = report(options, figures, scarce, startedAt, load, loadAverage(), args);
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), report);
        System.out.println(report);
        say("written to " + options.out());
    }

    /**
     * The ceiling: {@code ops} single-document conditional updates, "take one unit where at least one is
     * available", on {@code documents} documents chosen at random, from {@link #THREADS} threads.
     */
    static Figure baseline(MongoCollection<Document> units, int documents, int ops) throws Exception {
        units.drop();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            docs.add(new Document("_id", "unit-" + i).append("available", (long) ops * 2).append("reserved", 0L));
        }
        units.insertMany(docs);
        // warm-up, not measured
        runThreads(Math.min(ops, 2_000), documents, units);
        long begin = System.nanoTime();
        long taken = runThreads(ops, documents, units);
        long nanos = System.nanoTime() - begin;
        say("baseline, %d documents: %,.0f conditional updates/s".formatted(documents, taken * 1e9 / nanos));
        return new Figure("baseline", taken, nanos);
    }

    private static long runThreads(int ops, int documents, MongoCollection<Document> units) throws Exception {
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Long>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int share = ops / THREADS + (t < ops % THREADS ? 1 : 0);
                work.add(() -> {
                    long done = 0;
                    for (int i = 0; i < share; i++) {
                        String id = "unit-" + ThreadLocalRandom.current().nextInt(documents);
                        if (units.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.gte("available", 1)),
                                Updates.combine(Updates.inc("available", -1), Updates.inc("reserved", 1))) != null) {
                            done++;
                        }
                    }
                    return done;
                });
            }
            long total = 0;
            for (Future<Long> result : pool.invokeAll(work)) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Seeds {@code eans} pairs at {@code store} with {@code unitsEach} units, then sends {@code count} one-line,
     * one-unit reservations of distinct orders (random EANs) and times them from the first send to the last answer.
     */
    static Figure reserve(Kafka kafka, MongoCollection<Document> stock, String store, int eans, int count,
            long unitsEach, Duration timeout) throws Exception {
        List<String> codes = seed(kafka, stock, store, eans, unitsEach, timeout);
        Random random = new Random(42);
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        kafka.resetAnswers(run);
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String orderId = run + i;
            kafka.reserve(orderId, store, codes.get(random.nextInt(codes.size())), 1);
        }
        kafka.flush();
        long last = kafka.awaitAnswers(count, timeout);
        long confirmed = kafka.confirmed();
        say("%s: %,d reservations, %,d confirmed, %,.0f confirmed/s (%d answers sent twice)".formatted(store, count,
                confirmed, confirmed * 1e9 / (last - begin), kafka.duplicates()));
        return new Figure(store, confirmed, last - begin);
    }

    /** {@code units} units of one EAN, five times as many one-unit reservations: answers [confirmed, reserved]. */
    static long[] scarce(Kafka kafka, MongoCollection<Document> stock, int units, Duration timeout) throws Exception {
        String store = "BENCH-SCARCE";
        List<String> codes = seed(kafka, stock, store, 1, units, timeout);
        String run = "scarce-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        kafka.resetAnswers(run);
        for (int i = 0; i < units * 5; i++) {
            kafka.reserve(run + i, store, codes.get(0), 1);
        }
        kafka.flush();
        kafka.awaitAnswers(units * 5, timeout);
        Document pair = stock.find(Filters.eq("_id", store + ":" + codes.get(0))).first();
        long reserved = pair == null ? -1 : ((Number) pair.get("reserved")).longValue();
        say("scarce: %d units, %d reservations, %d confirmed, %d reserved".formatted(units, units * 5,
                kafka.confirmed(), reserved));
        return new long[] {kafka.confirmed(), reserved};
    }

    private static List<String> seed(Kafka kafka, MongoCollection<Document> stock, String store, int eans,
            long units, Duration timeout) throws Exception {
        List<String> codes = eans(eans);
        Instant asOf = Instant.now();
        for (int i = 0; i < codes.size(); i++) {
            kafka.figure(store, codes.get(i), units, asOf, i + 1);
        }
        kafka.flush();
        await("stock of " + store + " applied", timeout,
                () -> stock.countDocuments(Filters.and(Filters.eq("storeId", store), Filters.eq("onHand", units)))
                        == codes.size());
        return codes;
    }

    static String report(Options options, Map<String, Figure> figures, long[] scarce, ZonedDateTime startedAt,
            String loadBefore, String loadAfter, String[] args) {
        Figure baseFew = figures.get("baseline few");
        Figure baseMany = figures.get("baseline many");
        Figure few = figures.get("reserve few");
        Figure many = figures.get("reserve many");
        StringBuilder out = new StringBuilder();
        out.append("Run %s, %d CPUs, load average %s before and %s after; command: `%s`.%n%n".formatted(
                startedAt.withNano(0), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
                command(args)));
        out.append("| scenario | reservations confirmed/s | baseline: conditional findOneAndUpdate/s, same MongoDB, "
                + THREADS + " threads | ratio | CPU s per 1,000 reservations: mongo, inventory |\n"
                + "| --- | ---: | ---: | ---: | ---: |\n");
        out.append(row("contention: %d EANs at one store".formatted(options.fewEans()), few, baseFew));
        out.append(row("spread: %,d EANs at one store".formatted(options.manyEans()), many, baseMany));
        out.append("%nScarce: %d units of one EAN, %d one-unit reservations: %d confirmed, %d units reserved "
                .formatted(options.scarceUnits(), options.scarceUnits() * 5, scarce[0], scarce[1])
                + (scarce[0] == options.scarceUnits() && scarce[1] == options.scarceUnits() ? "(none oversold).\n"
                        : "(**check: confirmed and reserved should both equal the units**).\n"));
        return out.toString();
    }

    private static String row(String name, Figure reserve, Figure baseline) {
        return "| %s | %s | %s | %.3f | %.2f, %.2f |%n".formatted(name, rate(reserve), rate(baseline),
                reserve.perSecond() / baseline.perSecond(), reserve.mongoCpuMillis() / (double) reserve.operations(),
                reserve.inventoryCpuMillis() / (double) reserve.operations());
    }

    private static String rate(Figure figure) {
        return String.format(Locale.ROOT, "%,.0f", figure.perSecond());
    }

    private static String command(String[] args) {
        return ("java -cp \"benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)\" "
                + ReservationBenchmark.class.getName() + " " + String.join(" ", args)).strip();
    }

    /** CPU milliseconds (user + system) so far of MongoDB and inventory-service, from {@code /proc/<pid>/stat}. */
    private static long[] cpuMillis(LocalStack stack) {
        long[] cpu = new long[2];
        for (var status : stack.status()) {
            int slot = status.part() == Part.MONGO ? 0 : status.part() == Part.INVENTORY ? 1 : -1;
            if (slot >= 0 && status.pid().isPresent()) {
                try {
                    String stat = Files.readString(Path.of("/proc", Long.toString(status.pid().getAsLong()), "stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime: fields 14 and 15 of the line, 12 and 13 after the command name, in 1/100 s
                    cpu[slot] = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
                } catch (IOException | RuntimeException gone) {
                    cpu[slot] = 0;
                }
            }
        }
        return cpu;
    }

    static List<String> eans(int count) {
        List<String> eans = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String body = String.format("789777%06d", i);
            int sum = 0;
            for (int d = 0; d < body.length(); d++) {
                sum += (body.charAt(d) - '0') * (d % 2 == 0 ? 1 : 3);
            }
            eans.add(body + (10 - sum % 10) % 10);
        }
        return eans;
    }

    static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    static void say(String line) {
        System.out.println("[reservations] " + line);
    }

    /** The benchmark's Kafka clients: a producer like order-service's and a reader of the answers. */
    static final class Kafka implements AutoCloseable {

        private final String bootstrap;
        private final KafkaProducer<String, byte[]> producer;
        private final KafkaConsumer<String, byte[]> answers;
        private final java.util.Set<String> answered = new java.util.HashSet<>();
        private final java.util.Set<String> confirmedOrders = new java.util.HashSet<>();
        private String prefix = "";
        private long duplicates;
        private long lastAnswerAt;

        Kafka(String bootstrap) {
            this.bootstrap = bootstrap;
            Properties producerProps = new Properties();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
            Properties consumerProps = new Properties();
            consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            answers = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        }

        /** Waits until the group's consumers own every partition of the topic (no rebalance is measured). */
        void awaitConsumer(String group, String topic, Duration timeout) throws Exception {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(props)) {
                await(group + " consumes " + topic, timeout, () -> {
                    try {
                        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                                .partitions().size();
                        long owned = admin.describeConsumerGroups(List.of(group)).all().get().get(group).members()
                                .stream().flatMap(member -> member.assignment().topicPartitions().stream())
                                .filter(partition -> partition.topic().equals(topic)).count();
                        return owned == partitions;
                    } catch (Exception notYet) {
                        return false;
                    }
                });
                List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.INVENTORY_RESERVATIONS))
                        .allTopicNames().get().get(Topics.INVENTORY_RESERVATIONS).partitions().stream()
                        .map(info -> new TopicPartition(Topics.INVENTORY_RESERVATIONS, info.partition())).toList();
                answers.assign(partitions);
            }
        }

        void figure(String store, String ean, long quantity, Instant asOf, long row) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("storeId", store);
            event.put("ean", ean);
            event.put("quantity", quantity);
            event.put("asOf", asOf.toString());
            event.put("mode", "PARTIAL");
            event.put("snapshotId", null);
            event.put("importId", "bench-seed");
            event.put("row", row);
            event.put("receivedAt", asOf.toString());
            send(Topics.INVENTORY_STOCK_UPDATES, store + ":" + ean, FIGURE_TYPE, JSON.writeValueAsBytes(event));
        }

        void reserve(String orderId, String store, String ean, long quantity) {
            Map<String, Object> command = new LinkedHashMap<>();
            command.put("commandId", "cmd-" + orderId);
            command.put("orderId", orderId);
            command.put("fulfillmentId", "ful-" + orderId);
            command.put("storeId", store);
            command.put("lines", List.of(Map.of("ean", ean, "quantity", quantity)));
            command.put("requestedAt", Instant.now().toString());
            send(Topics.ORDERS_COMMANDS, orderId, RESERVE_TYPE, JSON.writeValueAsBytes(command));
        }

        private void send(String topic, String key, String type, byte[] value) {
            var record = new ProducerRecord<>(topic, key, value);
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/omnihub/benchmark".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }

        void flush() {
            producer.flush();
        }

        /**
         * Counts from now on only the answers to orders whose id starts with {@code orderPrefix}, each order once:
         * an answer sent twice (the outbox relays at least once) is a duplicate, not a second reservation.
         */
        void resetAnswers(String orderPrefix) {
            answers.seekToEnd(answers.assignment());
            answers.assignment().forEach(answers::position);
            prefix = orderPrefix;
            answered.clear();
            confirmedOrders.clear();
            duplicates = 0;
        }

        /** Reads answers until {@code count} orders are answered; answers when the last one was read (nanoTime). */
        long awaitAnswers(long count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (answered.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out: " + answered.size() + " of " + count + " answers");
                }
                for (ConsumerRecord<String, byte[]> record : answers.poll(Duration.ofMillis(100))) {
                    if (record.key() == null || !record.key().startsWith(prefix)) {
                        continue;
                    }
                    if (!answered.add(record.key())) {
                        duplicates++;
                        continue;
                    }
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && CONFIRMED_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        confirmedOrders.add(record.key());
                    }
                    lastAnswerAt = System.nanoTime();
                }
            }
            return lastAnswerAt;
        }

        long confirmed() {
            return confirmedOrders.size();
        }

        long duplicates() {
            return duplicates;
        }

        @Override
        public void close() {
            producer.close();
            answers.close();
        }
    }
}
