package io.omnihub.benchmarks;

import static io.omnihub.benchmarks.ImportBenchmark.say;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.omnihub.contracts.Topics;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.LocalStack.Settings;
import io.omnihub.localstack.Part;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * The stock benchmark of issue 4: a stock file of N rows (3 columns) as {@code .xlsx} and as JSON, imported as a
 * partial update by ingest-service at {@code -Xmx256m}; file → Kafka (import COMPLETED) and file → applied in
 * inventory-service (its consumer group's lag 0 on {@code inventory.stock-updates}, availability events counted on
 * {@code inventory.availability}), beside the ceilings measured in the same run: parse-only (fastexcel-reader,
 * Jackson streaming), Kafka's ProducerPerformance with the same record size (acks=all) and the raw bulk-upsert
 * rate of the MongoDB server in use. Writes its report to {@code benchmarks/target/bench/stock-<rows>.md}.
 *
 * <p>Usage: {@code StockBenchmark [--repo DIR] [--rows N] [--inventory-timeout-minutes 15]
 * [--mongo-ceiling-docs N (default: --rows)] [--ingest-heap 256m] [--poll 250ms]}
 */
public final class StockBenchmark {

    static final String INVENTORY_GROUP = "inventory-service";
    private static final List<Part> PARTS = List.of(Part.KAFKA, Part.MONGO, Part.S3, Part.INGEST, Part.INVENTORY);
    private static final int MONGO_BATCH = 1_000;

    private StockBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        int rows = 1_000_000;
        Duration inventoryTimeout = Duration.ofMinutes(15);
        // the ceiling writes as many documents as the run's rows by default: an index lookup costs more in a bigger tree
        Integer mongoDocs = null;
        String heap = "256m";
        String poll = "250ms";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--repo" -> { repo = Path.of(value).toAbsolutePath(); i++; }
                case "--rows" -> { rows = Integer.parseInt(value.replace("_", "")); i++; }
                case "--inventory-timeout-minutes" -> { inventoryTimeout = Duration.ofMinutes(Long.parseLong(value)); i++; }
                case "--mongo-ceiling-docs" -> { mongoDocs = Integer.parseInt(value.replace("_", "")); i++; }
                case "--ingest-heap" -> { heap = value; i++; }
                case "--poll" -> { poll = value; i++; }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int ceilingDocs = mongoDocs == null ? rows : mongoDocs;
        Path work = repo.resolve("benchmarks/target/bench");
        Files.createDirectories(work);
        Map<String, String> facts = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        facts.put("started", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        facts.put("machine", ImportBenchmark.machine());
        facts.put("commit", ImportBenchmark.commit(repo));
        facts.put("load at start", ImportBenchmark.loadAverage());

        Path xlsx = work.resolve("stock-" + rows + ".xlsx");
        Path json = work.resolve("stock-" + rows + ".json");
        say("writing %,d stock rows to %s and %s".formatted(rows, xlsx, json));
        StockSheet.writeXlsx(xlsx, rows);
        StockSheet.writeJson(json, rows);
        facts.put("files", "%s (xlsx), %s (JSON)".formatted(Report.mib(Files.size(xlsx)), Report.mib(Files.size(json))));

        say("parse-only ceilings (1 warm-up + 2 passes each)");
        ParseOnly.passes(xlsx, 1);
        rates.put("parse-only xlsx (fastexcel-reader)", best(ParseOnly.passes(xlsx, 2)));
        JsonParseOnly.passes(json, 1);
        rates.put("parse-only JSON (Jackson streaming)", best(JsonParseOnly.passes(json, 2)));
        rates.forEach((what, rate) -> say("  %s: %s rows/s".formatted(what, Report.rate(rate))));

        Path home = work.resolve("stock-stack");
        ImportBenchmark.deleteRecursively(home);
        Settings settings = Settings.forTests(repo, home).withParts(PARTS)
                .withEnv("INBOX_POLL_INTERVAL", poll)
                .withJvmOptions(Part.INGEST, ImportBenchmark.FULL_JIT.toArray(String[]::new))
                .withJvmOptions(Part.INVENTORY, ImportBenchmark.FULL_JIT.toArray(String[]::new))
                .withJvmOptions(Part.INGEST, "-Xmx" + heap)
                .withHealthTimeout(Duration.ofMinutes(4));
        LocalStack stack = new LocalStack(settings, line -> say("  stack: " + line));
        ServiceProbe probe = new ServiceProbe();
        try {
            stack.up();
            probe.identitySecret(stack.identitySecret());
            Map<Part, Long> pids = ImportBenchmark.pidsOrEmpty(stack);
            String ingestUrl = stack.serviceUrl(Part.INGEST);
            try (KafkaProgress kafka = new KafkaProgress(stack.kafkaBootstrapServers())) {
                ImportBenchmark.awaitTrue("inventory consumes " + Topics.INVENTORY_STOCK_UPDATES, Duration.ofSeconds(120),
                        () -> kafka.topicExists(Topics.INVENTORY_STOCK_UPDATES) && kafka.assignedPartitions(
                                INVENTORY_GROUP, Topics.INVENTORY_STOCK_UPDATES) == kafka.partitions(
                                Topics.INVENTORY_STOCK_UPDATES).size());
                List<TopicPartition> updates = kafka.partitions(Topics.INVENTORY_STOCK_UPDATES);
                List<TopicPartition> availability = kafka.partitions(Topics.INVENTORY_AVAILABILITY);

                boolean inventoryRunning = true;
                for (Path file : List.of(xlsx, json)) {
                    boolean isJson = file.getFileName().toString().endsWith(".json");
                    String format = isJson ? "JSON" : "xlsx";
                    String key = "stock/partial/benchmark-" + rows + "-" + System.currentTimeMillis()
                            + (isJson ? ".json" : ".xlsx");
                    long producedBefore = kafka.endOffsets(updates);
                    long availabilityBefore = kafka.endOffsets(availability);
                    Map<Part, Long> cpuBefore = ImportBenchmark.cpu(pids);
                    say("uploading %s to %s".formatted(file.getFileName(), key));
                    ImportBenchmark.upload(stack, file, key, isJson ? "application/json"
                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                    long t0 = System.nanoTime();
                    JsonNode job = ImportBenchmark.awaitJob(probe, ingestUrl, key, Duration.ofMinutes(60),
                            pids.get(Part.INGEST));
                    double toKafka = (System.nanoTime() - t0) / 1e9;
                    long accepted = job.path("rowsAccepted").asLong();
                    say("  %s import %s after %.1f s: %,d accepted".formatted(format, job.path("state").asString(),
                            toKafka, accepted));
                    facts.put(format + " import", job.path("state").asString() + ", " + accepted + " rows accepted, "
                            + job.path("rowsRejected").asLong() + " rejected");
                    rates.put("omnihub " + format + " file → Kafka", accepted / toKafka);
                    facts.put(format + " events in Kafka", Long.toString(kafka.endOffsets(updates) - producedBefore));
                    Map<Part, Long> cpuAtKafka = ImportBenchmark.cpu(pids);
                    facts.put(format + " CPU s, t0 → Kafka", cpuText(cpuBefore, cpuAtKafka));
                    if (!inventoryRunning) {
                        facts.put(format + " file → applied", "not measured: inventory-service was stopped after the "
                                + "previous file");
                        continue;
                    }
                    long deadline = t0 + inventoryTimeout.toNanos();
                    long end = kafka.endOffsets(updates);
                    long applied;
                    do {
                        Thread.sleep(500);
                        applied = kafka.committed(INVENTORY_GROUP, updates);
                    } while (applied < end && System.nanoTime() < deadline);
                    double toApplied = (System.nanoTime() - t0) / 1e9;
                    long availabilityOut = kafka.endOffsets(availability) - availabilityBefore;
                    facts.put(format + " CPU s, Kafka → applied", cpuText(cpuAtKafka, ImportBenchmark.cpu(pids)));
                    facts.put(format + " availability events out", Long.toString(availabilityOut));
                    if (applied >= end) {
                        rates.put("omnihub " + format + " file → applied in inventory", accepted / toApplied);
                        say("  inventory applied all after %.1f s".formatted(toApplied));
                    } else {
                        long done = Math.max(0, applied - producedBefore);
                        rates.put("omnihub " + format + " file → applied in inventory (upper bound: unfinished)",
                                done / toApplied);
                        facts.put(format + " file → applied", "unfinished: %,d of %,d applied after %.0f s"
                                .formatted(done, accepted, toApplied));
                        say("  inventory had applied %,d of %,d after %.0f s: stopping it".formatted(done, accepted,
                                toApplied));
                        ImportBenchmark.stopProcess(pids.get(Part.INVENTORY));
                        inventoryRunning = false;
                    }
                }

                var sizes = kafka.recordSizes(Topics.INVENTORY_STOCK_UPDATES);
                int valueSize = (int) Math.round(sizes.value());
                facts.put("record sizes", "value %d B, key %.0f B, headers %.0f B".formatted(valueSize, sizes.key(),
                        sizes.headers()));
                kafka.createTopic("benchmark.stock-producer-performance", updates.size());
                var arguments = ProducerPerf.arguments("benchmark.stock-producer-performance", rows, valueSize,
                        stack.kafkaBootstrapServers());
                say("ceiling: ProducerPerformance, %,d records of %d bytes".formatted(rows, valueSize));
                var perf = ProducerPerf.run(System.getProperty("java.class.path"), arguments,
                        work.resolve("stock-producer-performance.log"));
                rates.put("Kafka ProducerPerformance, " + valueSize + "-byte records, acks=all", perf.recordsPerSecond());
                facts.put("ProducerPerformance command", String.join(" ", arguments));
            }
            say("ceiling: raw bulk upserts into the stack's MongoDB, %,d documents".formatted(ceilingDocs));
            Map<Part, Long> cpuBeforeCeiling = ImportBenchmark.cpu(pids);
            rates.put("MongoDB (mongo-java-server, H2) raw bulk upserts, " + MONGO_BATCH + " per bulkWrite",
                    mongoUpserts(stack, ceilingDocs, true));
            // its CPU per document, to compare with the CPU per applied pair above whatever else the machine ran
            Map<Part, Long> cpuAfterInserts = ImportBenchmark.cpu(pids);
            long ceilingCpu = cpuAfterInserts.getOrDefault(Part.MONGO, 0L)
                    - cpuBeforeCeiling.getOrDefault(Part.MONGO, 0L);
            facts.put("MongoDB ceiling", String.format(Locale.ROOT, "%,d documents upserted into an empty collection "
                    + "(%s); MongoDB CPU %.1f s, %.3f ms per document", ceilingDocs,
                    mongoDocs == null ? "the run's rows" : "--mongo-ceiling-docs", ceilingCpu / 1000.0,
                    (double) ceilingCpu / ceilingDocs));
            // the JSON file sends the same pairs again, so every one of its rows is an update: its like-for-like
            // ceiling is the same upserts onto the documents the first pass stored
            say("ceiling: the same upserts again, onto the stored documents");
            rates.put("MongoDB raw bulk upserts onto the same documents again (all updates, as the second file's)",
                    mongoUpserts(stack, ceilingDocs, false));
            long updateCpu = ImportBenchmark.cpu(pids).getOrDefault(Part.MONGO, 0L)
                    - cpuAfterInserts.getOrDefault(Part.MONGO, 0L);
            facts.put("MongoDB update ceiling", String.format(Locale.ROOT, "the same %,d upserts again, each an update "
                    + "of a stored document; MongoDB CPU %.1f s, %.3f ms per document", ceilingDocs,
                    updateCpu / 1000.0, (double) updateCpu / ceilingDocs));
        } finally {
            stack.down();
        }
        facts.put("load at end", ImportBenchmark.loadAverage());
        Path out = work.resolve("stock-" + rows + ".md");
        Files.writeString(out, report(rows, facts, rates));
        say("written to " + out);
        System.out.print(Files.readString(out));
    }

    /**
     * Upserts {@code docs} stock-level-like documents by {@code _id}, unordered, {@value #MONGO_BATCH} per call: into
     * an empty collection when {@code first}, else onto the documents the first pass stored (then dropped).
     */
    private static double mongoUpserts(LocalStack stack, int docs, boolean first) {
        try (MongoClient client = MongoClients.create(stack.mongoUri("benchmark"))) {
            MongoCollection<Document> levels = client.getDatabase("benchmark").getCollection("levels");
            if (first) {
                levels.drop();
            }
            long begin = System.nanoTime();
            List<WriteModel<Document>> batch = new ArrayList<>(MONGO_BATCH);
            Instant asOf = Instant.now();
            for (int n = 0; n < docs; n++) {
                batch.add(new UpdateOneModel<>(Filters.eq("_id", StockSheet.store(n) + ":" + StockSheet.ean(n)),
                        Updates.combine(Updates.set("storeId", StockSheet.store(n)),
                                Updates.set("ean", StockSheet.ean(n)),
                                Updates.set("onHand", StockSheet.quantity(n) + (first ? 0 : 1)),
                                Updates.set("asOf", asOf)), new UpdateOptions().upsert(true)));
                if (batch.size() == MONGO_BATCH) {
                    levels.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                levels.bulkWrite(batch, new BulkWriteOptions().ordered(false));
            }
            double rate = docs * 1e9 / (System.nanoTime() - begin);
            say("  %s upserts/s".formatted(Report.rate(rate)));
            if (!first) {
                levels.drop();
            }
            return rate;
        }
    }

    /** The rate of the first figure named {@code prefix}, NaN when there is none. */
    private static double rateOf(Map<String, Double> rates, String prefix) {
        return rates.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(Double.NaN);
    }

    private static double best(List<ParseOnly.Pass> passes) {
        return passes.stream().mapToDouble(ParseOnly.Pass::rowsPerSecond).max().orElse(Double.NaN);
    }

    private static String cpuText(Map<Part, Long> before, Map<Part, Long> after) {
        Map<Part, String> text = new EnumMap<>(Part.class);
        after.forEach((part, millis) -> text.put(part, String.format(Locale.ROOT, "%.1f",
                (millis - before.getOrDefault(part, 0L)) / 1000.0)));
        StringBuilder line = new StringBuilder();
        text.forEach((part, seconds) -> line.append(line.isEmpty() ? "" : ", ").append(part.id()).append(' ')
                .append(seconds));
        return line.toString();
    }

    static String report(int rows, Map<String, String> facts, Map<String, Double> rates) {
        double slowestCeiling = rates.entrySet().stream()
                .filter(entry -> !entry.getKey().startsWith("omnihub"))
                .mapToDouble(Map.Entry::getValue).min().orElse(Double.NaN);
        StringBuilder md = new StringBuilder();
        md.append("### Run: %,d-row stock file (xlsx and JSON), %s%n%n".formatted(rows, facts.get("started")));
        md.append("| figure | rows/s | against the slowest ceiling |\n| --- | ---: | ---: |\n");
        rates.forEach((what, rate) -> md.append("| %s | %s | %s |%n".formatted(what, Report.rate(rate),
                Report.ratio(rate, slowestCeiling))));
        md.append("\n");
        double inserts = rateOf(rates, "MongoDB (mongo-java-server, H2) raw bulk upserts");
        double updates = rateOf(rates, "MongoDB raw bulk upserts onto the same documents");
        md.append("Like for like: the `.xlsx` (every pair new) against the upserts into an empty collection: %s; the JSON "
                .formatted(Report.ratio(rateOf(rates, "omnihub xlsx file → applied"), inserts))
                + "file (the same pairs again, every one an update) against the upserts onto the stored documents: %s.%n%n"
                .formatted(Report.ratio(rateOf(rates, "omnihub JSON file → applied"), updates)));
        facts.forEach((what, value) -> md.append("- ").append(what).append(": ").append(value).append("\n"));
        return md.toString();
    }
}
