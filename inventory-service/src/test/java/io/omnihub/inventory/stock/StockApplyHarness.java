package io.omnihub.inventory.stock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.omnihub.inventory.availability.AvailabilityPolicy;
import io.omnihub.localstack.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Not a test: a measurement. What the embedded MongoDB (mongo-java-server, H2 backend, its own JVM as the local stack runs it)
 * spends per new pair applied by {@link StockService#applyAll} in batches, against a raw unordered bulk upsert by
 * {@code _id} of the same number of documents (the stock benchmark's MongoDB ceiling). CPU of the server's process,
 * so the figure does not depend much on what else the machine runs.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat classpath) io.omnihub.inventory.stock.StockApplyHarness
 * [--pairs 50000] [--batch 500] [--warmup 20000] [--rounds 1] [--file true] [--mode insert|update]}: {@code update}
 * applies the pairs a second time, each figure newer than the stored one with the same quantity (a second load of the
 * same file), and measures that pass against raw upserts onto the stored documents.
 */
final class StockApplyHarness {

    private static final int RAW_BATCH = 1_000;
    private static final int SLICE = 10_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StockApplyHarness() {
    }

    public static void main(String[] args) throws IOException {
        int pairs = 50_000;
        int batch = 500;
        int warmup = 20_000;
        int rounds = 1;
        boolean file = true;
        boolean update = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--file")) {
                file = Boolean.parseBoolean(args[i + 1]);
                continue;
            }
            if (args[i].equals("--mode")) {
                update = switch (args[i + 1].toLowerCase(Locale.ROOT)) {
                    case "insert" -> false;
                    case "update" -> true;
                    default -> throw new IllegalArgumentException("--mode insert|update, not " + args[i + 1]);
                };
                continue;
            }
            int value = Integer.parseInt(args[i + 1].replace("_", ""));
            switch (args[i]) {
                case "--pairs" -> pairs = value;
                case "--batch" -> batch = value;
                case "--warmup" -> warmup = value;
                case "--rounds" -> rounds = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Server server = Server.start(file);
                MongoClient client = MongoClients.create(server.uri())) {
            if (update) {
                apply(client, "warmup-apply", warmup, batch, 0, 0);
                apply(client, "warmup-apply", warmup, batch, 0, 1);
                raw(client, "warmup-raw", warmup);
                raw(client, "warmup-raw", warmup);
            } else {
                apply(client, "warmup-apply", warmup, batch, 0, 0);
                raw(client, "warmup-raw", warmup);
            }
            for (int round = 1; round <= rounds; round++) {
                Figure applied = apply(client, "apply-" + round, pairs, batch, 1_000_000 * round, 0);
                Figure upserted = raw(client, "raw-" + round, pairs);
                String what = "new pairs";
                if (update) {
                    // the second load of the same pairs: every figure newer than the stored one, the same quantity
                    // (the benchmark's JSON after its .xlsx); the raw upserts land on stored documents
                    applied = apply(client, "apply-" + round, pairs, batch, 1_000_000 * round, 1);
                    upserted = raw(client, "raw-" + round, pairs);
                    what = "stored pairs updated";
                }
                System.out.printf(Locale.ROOT, "round %d, %,d %s: applyAll (batches of %d) %s; raw upserts "
                        + "(%d per bulkWrite) %s; server CPU ratio raw/apply %.2f%n", round, pairs, what, batch,
                        applied, RAW_BATCH, upserted,
                        upserted.perPair() > 0 ? upserted.perPair() / applied.perPair() : 0);
            }
        }
    }

    /** Server CPU ms per pair, client CPU ms per pair and wall-clock ms per pair. */
    private record Figure(double perPair, double clientPerPair, double wallPerPair) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "server %.3f ms/pair, client %.3f ms/pair, wall %.3f ms/pair", perPair,
                    clientPerPair, wallPerPair);
        }
    }

    /** Applies figures of {@code pairs} pairs; {@code load} 0 is the first load, each next one a later as-of. */
    private static Figure apply(MongoClient client, String database, int pairs, int batch, int offset, int load) {
        MongoTemplate mongo = new MongoTemplate(client, database);
        Clock clock = Clock.systemUTC();
        AvailabilityOutbox outbox = new AvailabilityOutbox(mongo, clock);
        // what the relay does with MongoDB once the availability is on Kafka: the entry goes
        StockStore store = new StockStore(mongo, outbox, event -> {
            if (event instanceof AvailabilityPending pending) {
                outbox.close(List.of(pending.entryId()));
            }
        });
        StockService service = new StockService(store, mongo, AvailabilityPolicy.withoutSafetyStock(), clock);
        Instant asOf = Instant.parse("2026-11-29T06:00:00Z").plusSeconds(3_600L * load);
        Instant receivedAt = Instant.parse("2026-11-29T07:00:00Z").plusSeconds(3_600L * load);
        long serverBefore = serverCpuNanos();
        long clientBefore = THREADS.getCurrentThreadCpuTime();
        long begin = System.nanoTime();
        Slices slices = new Slices(database + (load > 0 ? "-update" : ""));
        List<StockReport> reports = new ArrayList<>(batch);
        for (int n = 0; n < pairs; n++) {
            reports.add(new StockReport(store(n), ean(offset + n), 1 + n % 500, asOf, null, "harness-" + load, n + 1,
                    receivedAt, "correlation-" + n));
            if (reports.size() == batch || n == pairs - 1) {
                service.applyAll(reports);
                reports.clear();
            }
            slices.after(n + 1);
        }
        return figure(pairs, serverBefore, clientBefore, begin);
    }

    private static Figure raw(MongoClient client, String database, int docs) {
        MongoCollection<Document> levels = client.getDatabase(database).getCollection("levels");
        Instant asOf = Instant.now();
        long serverBefore = serverCpuNanos();
        long clientBefore = THREADS.getCurrentThreadCpuTime();
        long begin = System.nanoTime();
        Slices slices = new Slices(database);
        List<WriteModel<Document>> batch = new ArrayList<>(RAW_BATCH);
        for (int n = 0; n < docs; n++) {
            batch.add(new UpdateOneModel<>(Filters.eq("_id", store(n) + ":" + ean(n)),
                    Updates.combine(Updates.set("storeId", store(n)), Updates.set("ean", ean(n)),
                            Updates.set("onHand", 1 + n % 500), Updates.set("asOf", asOf)),
                    new UpdateOptions().upsert(true)));
            if (batch.size() == RAW_BATCH || n == docs - 1) {
                levels.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                batch.clear();
            }
            slices.after(n + 1);
        }
        return figure(docs, serverBefore, clientBefore, begin);
    }

    /** The server's CPU per pair of each slice of {@value #SLICE} pairs: does it grow with the collection? */
    private static final class Slices {

        private final String what;
        private long cpu = serverCpuNanos();
        private final StringBuilder line = new StringBuilder();

        Slices(String what) {
            this.what = what;
        }

        void after(int pairs) {
            if (pairs % SLICE == 0) {
                long now = serverCpuNanos();
                line.append(String.format(Locale.ROOT, " %.3f", (now - cpu) / 1e6 / SLICE));
                cpu = now;
                System.out.printf("slices %s (server ms/pair per %d):%s%n", what, SLICE, line);
            }
        }
    }

    private static Figure figure(int pairs, long serverBefore, long clientBefore, long begin) {
        // the phase's bounds, to cut a profile of the server (harness.jfr) by phase
        System.out.printf("phase %s .. %s%n", Instant.now().minusNanos(System.nanoTime() - begin), Instant.now());
        double wall = (System.nanoTime() - begin) / 1e6;
        double server = (serverCpuNanos() - serverBefore) / 1e6;
        double client = (THREADS.getCurrentThreadCpuTime() - clientBefore) / 1e6;
        return new Figure(server / pairs, client / pairs, wall / pairs);
    }

    /**
     * The embedded MongoDB as the local stack runs it: its own JVM with the stack's options (C1 only, serial GC,
     * 192 MiB), H2 in a file (or in memory, with 1 GiB); its CPU is the process's, garbage collection and compilation included.
     */
    private record Server(Process process, int port, Path dir) implements AutoCloseable {

        private static final Pattern READY = Pattern.compile("READY .*:(\\d+) \\(");
        private static Server current;

        static Server start(boolean file) throws IOException {
            Path dir = Files.createTempDirectory("stock-harness-mongo");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms32m",
                    file ? "-Xmx192m" : "-Xmx1g",
                    "-cp", System.getProperty("java.class.path")));
            String jfr = System.getProperty("harness.jfr");
            if (jfr != null) {
                command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
            }
            command.addAll(List.of(EmbeddedMongo.class.getName(), "--port", "0"));
            if (file) {
                command.addAll(List.of("--file", dir.resolve("omnihub.mv.db").toString()));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mongo.log").toFile()).start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                Matcher ready = READY.matcher(Files.readString(dir.resolve("mongo.log")));
                if (ready.find()) {
                    current = new Server(process, Integer.parseInt(ready.group(1)), dir);
                    return current;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            process.destroy();
            throw new IllegalStateException("MongoDB did not start: see " + dir.resolve("mongo.log"));
        }

        String uri() {
            return "mongodb://127.0.0.1:" + port + "/harness";
        }

        long cpuNanos() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime (fields 14 and 15 of stat; 12 and 13 after the command), in clock ticks of 10 ms
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private static long serverCpuNanos() {
        return Server.current.cpuNanos();
    }

    private static String store(int n) {
        return "LJ%03d".formatted(1 + n % 50);
    }

    /** A distinct 13-digit EAN per n (not a valid GTIN: the stock does not check it). */
    private static String ean(int n) {
        return "%013d".formatted(2_000_000_000_000L + n);
    }
}
