package io.omnihub.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.omnihub.contracts.Buckets;
import io.omnihub.contracts.Topics;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.LocalStack.Settings;
import io.omnihub.localstack.Part;
import io.omnihub.localstack.PartStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

/**
 * The import benchmark of issue 3, in one run on one file: writes a product .xlsx, measures the parse-only ceiling,
 * starts Kafka, MongoDB, S3, ingest-service (with a small heap) and catalog-service as processes, drops the file into
 * the inbox and times it to Kafka and to the stored catalog, measures the broker ceiling with Kafka's own
 * ProducerPerformance, stops everything and writes BENCHMARKS.md.
 *
 * <p>Usage: {@code ImportBenchmark [--repo DIR] [--rows N] [--passes N] [--warmups N] [--ingest-heap 256m]
 * [--ingest-jvm "-XX:..."] [--c1-only] [--poll 250ms] [--profile] [--out FILE] [--timeout-minutes 30]
 * [--catalog-timeout-minutes 20] [--warm-up-rows 100000]}
 */
public final class ImportBenchmark {

    static final int DEFAULT_ROWS = 200_000;
    /**
     * Products imported (and stored) before the measured file: the parse-only ceiling is the best pass of a warmed-up
     * reader, so the import it is compared with runs in a warmed-up service too; the warm-up's own rate is the
     * first import of a fresh service, reported beside it. The reader's best pass comes after two whole passes of the
     * file (400,000 rows); after a warm-up of 20,000 rows the JIT was still compiling through the measured import (a
     * third of ingest's CPU), so the warm-up is half the measured file.
     */
    static final int DEFAULT_WARM_UP_ROWS = 100_000;
    /** The first product of the warm-up file: none of its references or EANs is in the measured file. */
    private static final int WARM_UP_FIRST_PRODUCT = 100_000_000;
    static final String CATALOG_GROUP = "catalog-service";
    private static final List<Part> PARTS = List.of(Part.KAFKA, Part.MONGO, Part.S3, Part.INGEST, Part.CATALOG);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);
    /**
     * The local stack starts every service C1-only, for a small idle footprint; a throughput benchmark wants the
     * optimizing compiler, as any production JVM has. Appended, so it overrides the stack's flag.
     */
    static final List<String> FULL_JIT = List.of("-XX:TieredStopAtLevel=4");

    private ImportBenchmark() {
    }

    /** The command line. */
    record Options(Path repo, int rows, int warmups, int passes, String ingestHeap, String pollInterval,
                   boolean profile, Path out, Duration timeout, Duration catalogTimeout, List<String> ingestJvm,
                   boolean fullJit, int warmUpRows) {

        static Options parse(String[] args) {
            Path repo = Path.of("").toAbsolutePath();
            int rows = DEFAULT_ROWS;
            int warmups = 2;
            int passes = 3;
            String heap = "256m";
            String poll = "250ms";
            boolean profile = false;
            Path out = null;
            Duration timeout = Duration.ofMinutes(30);
            Duration catalogTimeout = Duration.ofMinutes(20);
            List<String> ingestJvm = List.of();
            boolean fullJit = true;
            int warmUpRows = DEFAULT_WARM_UP_ROWS;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--repo" -> { repo = Path.of(value).toAbsolutePath(); i++; }
                    case "--rows" -> { rows = Integer.parseInt(value.replace("_", "")); i++; }
                    case "--warmups" -> { warmups = Integer.parseInt(value); i++; }
                    case "--passes" -> { passes = Integer.parseInt(value); i++; }
                    case "--ingest-heap" -> { heap = value; i++; }
                    case "--poll" -> { poll = value; i++; }
                    case "--profile" -> profile = true;
                    case "--c1-only" -> fullJit = false;
                    case "--warm-up-rows" -> { warmUpRows = Integer.parseInt(value.replace("_", "")); i++; }
                    case "--ingest-jvm" -> { ingestJvm = List.of(value.trim().split("\\s+")); i++; }
                    case "--out" -> { out = Path.of(value).toAbsolutePath(); i++; }
                    case "--timeout-minutes" -> { timeout = Duration.ofMinutes(Long.parseLong(value)); i++; }
                    case "--catalog-timeout-minutes" -> {
                        catalogTimeout = Duration.ofMinutes(Long.parseLong(value));
                        i++;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see benchmarks/run --help");
                }
            }
            if (rows < 1 || passes < 1 || warmups < 0 || warmUpRows < 0) {
                throw new IllegalArgumentException("--rows and --passes must be at least 1, --warmups and "
                        + "--warm-up-rows at least 0");
            }
            if (out == null) {
                // only the size replaces the figures in the checkout; a quick run stays in target/
                out = rows == DEFAULT_ROWS ? repo.resolve("BENCHMARKS.md")
                        : repo.resolve("benchmarks/target/bench/BENCHMARKS.md");
            }
            return new Options(repo, rows, warmups, passes, heap, poll, profile, out, timeout, catalogTimeout, ingestJvm,
                    fullJit, warmUpRows);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Results results = new Results();
        results.startedAt = ZonedDateTime.now();
        results.rows = options.rows();
        results.machine = machine();
        results.javaVersion = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        results.commit = commit(options.repo());
        results.loadAtStart = loadAverage();
        if (loadAboveCpus()) {
            say("warning: the load average (" + results.loadAtStart + ") is above the CPU count: other work on this "
                    + "machine will show in the figures");
        }
        results.command = command(args);
        results.inboxPollInterval = options.pollInterval();
        results.extraIngestJvmOptions = options.ingestJvm();
        results.serviceJit = options.fullJit() ? FULL_JIT : List.of();
        Path work = options.repo().resolve("benchmarks/target/bench");
        Files.createDirectories(work);

        Path file = work.resolve("products-" + options.rows() + ".xlsx");
        say("writing %,d products to %s".formatted(options.rows(), file));
        long begin = System.nanoTime();
        ProductSheet.write(file, options.rows());
        results.generateMillis = (System.nanoTime() - begin) / 1_000_000;
        results.fileBytes = Files.size(file);

        say("ceiling A: parse-only with fastexcel-reader, %d warm-up + %d passes".formatted(options.warmups(),
                options.passes()));
        ParseOnly.passes(file, options.warmups());
        results.parseWarmups = options.warmups();
        results.parsePasses = ParseOnly.passes(file, options.passes());
        say("  best %s rows/s".formatted(Report.rate(results.parseCeiling())));

        try {
            endToEnd(options, results, file, work);
        } catch (Exception e) {
            results.failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            say("end to end failed: " + results.failure);
            e.printStackTrace();
        }

        if (!results.serviceJvmOptions.isEmpty()) {
            say("parse-only again in a fresh JVM with ingest-service's flags");
            results.parsePassesWithServiceFlags = parseWithFlags(file, results.serviceJvmOptions, options.passes(),
                    work.resolve("parse-only-service-flags.log"));
        }

        results.loadAtEnd = loadAverage();
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Report.write(options.out(), results);
        say("file → Kafka %s rows/s (%s of the parse-only ceiling), file → catalog %s rows/s (%s); written to %s"
                .formatted(Report.rate(results.toKafkaRate()), Report.ratio(results.toKafkaRate(),
                        results.parseCeiling()), Report.rate(results.toCatalogRate()),
                        Report.ratio(results.toCatalogRate(), results.parseCeiling()), options.out()));
        if (results.failure != null) {
            System.exit(1);
        }
    }

    private static void endToEnd(Options options, Results results, Path file, Path work) throws Exception {
        Path home = work.resolve("stack");
        deleteRecursively(home);
        Settings settings = Settings.forTests(options.repo(), home)
                .withParts(PARTS)
                .withEnv("INBOX_POLL_INTERVAL", options.pollInterval())
                .withJvmOptions(Part.INGEST, results.serviceJit.toArray(String[]::new))
                .withJvmOptions(Part.CATALOG, results.serviceJit.toArray(String[]::new))
                .withJvmOptions(Part.INGEST, "-Xmx" + options.ingestHeap())
                .withJvmOptions(Part.INGEST, options.ingestJvm().toArray(String[]::new))
                .withHealthTimeout(Duration.ofMinutes(4));
        LocalStack stack = new LocalStack(settings, line -> say("  stack: " + line));
        ServiceProbe probe = new ServiceProbe();
        try {
            say("starting " + String.join(", ", PARTS.stream().map(Part::id).toList()));
            stack.up();
            probe.identitySecret(stack.identitySecret());
            Map<Part, Long> pids = pids(stack);
            long ingestPid = pids.get(Part.INGEST);
            List<String> ingestCommand = ProcessStats.commandLine(ingestPid);
            results.serviceJvmOptions = jvmOptions(ingestCommand);
            results.ingestMaxHeap = ProcessStats.maxHeapOption(ingestCommand);
            String ingestUrl = stack.serviceUrl(Part.INGEST);
            String catalogUrl = stack.serviceUrl(Part.CATALOG);

            try (KafkaProgress kafka = new KafkaProgress(stack.kafkaBootstrapServers())) {
                awaitTrue("topic " + Topics.CATALOG_PRODUCTS + " exists", Duration.ofSeconds(90),
                        () -> kafka.topicExists(Topics.CATALOG_PRODUCTS));
                List<TopicPartition> partitions = kafka.partitions(Topics.CATALOG_PRODUCTS);
                // a consumer that joins late would count its rebalance as catalog time
                awaitTrue("catalog-service consumes " + Topics.CATALOG_PRODUCTS, Duration.ofSeconds(90),
                        () -> kafka.assignedPartitions(CATALOG_GROUP, Topics.CATALOG_PRODUCTS) == partitions.size());
                if (options.warmUpRows() > 0) {
                    warmUp(options, results, stack, probe, kafka, partitions, work, ingestPid);
                }
                long producedBefore = kafka.endOffsets(partitions);
                long committedBefore = kafka.committed(CATALOG_GROUP, partitions);

                results.ingestRssBeforeKib = ProcessStats.rssKib(ingestPid).orElse(-1);
                String metricsBefore = probe.prometheus(ingestUrl);
                Map<Part, Long> cpuBefore = cpu(pids);
                var ingestThreadsBefore = ThreadCpu.snapshot(ingestPid);
                var catalogThreadsBefore = ThreadCpu.snapshot(pids.get(Part.CATALOG));
                if (options.profile()) {
                    for (Part part : PARTS) {
                        Profiler.start(pids.get(part), work.resolve("profile-" + part.id() + ".jfr"));
                    }
                }

                String key = "products/benchmark-" + options.rows() + "-" + System.currentTimeMillis() + ".xlsx";
                say("uploading %s (%s) to %s/%s".formatted(file.getFileName(), Report.mib(results.fileBytes),
                        Buckets.INBOX, key));
                long uploadBegin = System.nanoTime();
                upload(stack, file, key);
                long t0 = System.nanoTime();
                Instant t0Instant = Instant.now();
                results.uploadMillis = (t0 - uploadBegin) / 1_000_000;

                Sampler sampler = new Sampler(kafka, partitions, producedBefore, committedBefore, options.rows(), t0,
                        probe, ingestUrl);
                Thread samplerThread = new Thread(sampler, "benchmark-sampler");
                samplerThread.setDaemon(true);
                samplerThread.start();
                try {
                    JsonNode job = awaitJob(probe, ingestUrl, key, options.timeout(), pids.get(Part.INGEST));
                    results.completedMillis = (System.nanoTime() - t0) / 1_000_000;
                    Map<Part, Long> cpuAtCompletion = cpu(pids);
                    var ingestThreadsAfter = ThreadCpu.snapshot(ingestPid);
                    results.jobState = job.path("state").asString();
                    results.rowsRead = job.path("rowsRead").asLong(-1);
                    results.rowsAccepted = job.path("rowsAccepted").asLong(-1);
                    results.rowsRejected = job.path("rowsRejected").asLong(-1);
                    results.jobDurationMillis = job.path("durationMillis").asLong(-1);
                    String startedAt = job.path("startedAt").asString();
                    if (startedAt != null && !startedAt.isEmpty()) {
                        results.detectedMillis = Duration.between(t0Instant, Instant.parse(startedAt)).toMillis();
                    }
                    say("  import %s after %s: %s rows read, %s accepted, %s rejected".formatted(results.jobState,
                            Report.seconds(results.completedMillis), results.rowsRead, results.rowsAccepted,
                            results.rowsRejected));
                    if (!results.jobState.startsWith("COMPLETED")) {
                        throw new IllegalStateException("the import ended " + results.jobState + ": "
                                + job.path("rejectionReason").asString());
                    }
                    if (results.rowsRejected > 0) {
                        say("  the import rejected rows; first errors: " + job.path("firstErrors"));
                    }
                    sampler.expect(results.rowsAccepted);
                    boolean stored = sampler.awaitStored(t0 + options.catalogTimeout().toNanos());
                    results.allInKafkaMillis = sampler.producedAt < 0 ? -1 : (sampler.producedAt - t0) / 1_000_000;
                    if (stored) {
                        results.storedMillis = (sampler.storedAt - t0) / 1_000_000;
                        say("  catalog stored all after %s".formatted(Report.seconds(results.storedMillis)));
                    } else {
                        long[] last = sampler.last();
                        results.catalogGaveUpMillis = last[0];
                        results.storedWhenGivenUp = last[2];
                        say("  catalog had stored %,d of %,d after %s: stopped waiting".formatted(last[2],
                                results.rowsAccepted, Report.seconds(last[0])));
                    }
                    Map<Part, Long> cpuAtStored = cpu(pids);
                    for (Part part : PARTS) {
                        results.cpuMillisToKafka.put(part.id(), cpuAtCompletion.get(part) - cpuBefore.get(part));
                        results.cpuMillisToCatalog.put(part.id(), cpuAtStored.get(part) - cpuAtCompletion.get(part));
                    }
                    results.busiestThreads.put("ingest-service (t0 → COMPLETED)",
                            ThreadCpu.busiest(ingestThreadsBefore, ingestThreadsAfter,
                                    cpuAtCompletion.get(Part.INGEST) - cpuBefore.get(Part.INGEST), 6));
                    results.busiestThreads.put(stored ? "catalog-service (t0 → lag 0)"
                                    : "catalog-service (t0 → end of the wait)",
                            ThreadCpu.busiest(catalogThreadsBefore, ThreadCpu.snapshot(pids.get(Part.CATALOG)),
                                    cpuAtStored.get(Part.CATALOG) - cpuBefore.get(Part.CATALOG), 6));
                } finally {
                    sampler.stop();
                    samplerThread.join(5_000);
                    results.timeline.addAll(sampler.timeline());
                    results.ingestMaxLiveHeapBytes = sampler.maxLiveHeap;
                    if (options.profile()) {
                        for (Part part : PARTS) {
                            Profiler.stop(pids.get(part));
                        }
                    }
                }

                String metricsAfter = probe.prometheus(ingestUrl);
                results.ingestHeapMaxBytes = (long) ServiceProbe.sum(metricsAfter, "jvm_memory_max_bytes", "area=\"heap\"");
                double pausesBefore = ServiceProbe.sum(metricsBefore, "jvm_gc_pause_seconds_count", null);
                double pausesAfter = ServiceProbe.sum(metricsAfter, "jvm_gc_pause_seconds_count", null);
                if (!Double.isNaN(pausesAfter)) {
                    results.ingestGcPauses = Math.round(pausesAfter - (Double.isNaN(pausesBefore) ? 0 : pausesBefore));
                    results.ingestGcPauseSeconds = ServiceProbe.sum(metricsAfter, "jvm_gc_pause_seconds_sum", null)
                            - zeroIfNaN(ServiceProbe.sum(metricsBefore, "jvm_gc_pause_seconds_sum", null));
                }
                results.ingestPeakRssKib = ProcessStats.peakRssKib(ingestPid).orElse(-1);
                results.catalogPeakRssKib = ProcessStats.peakRssKib(pids.get(Part.CATALOG)).orElse(-1);
                results.storedByApi = probe.catalogProducts(catalogUrl);
                results.storedInMongo = mongoCount(stack);

                if (options.profile()) {
                    for (Part part : PARTS) {
                        results.profiles.put(part.id(), Profiler.summarize(work.resolve("profile-" + part.id() + ".jfr"), 8));
                    }
                }

                if (results.storedMillis < 0) {
                    // the broker ceiling needs a quiet machine: an unfinished catalog (and the MongoDB it keeps
                    // busy) would take CPU from the broker and the tool
                    say("stopping catalog-service (pid %d) before the broker ceiling".formatted(pids.get(Part.CATALOG)));
                    stopProcess(pids.get(Part.CATALOG));
                    results.catalogStoppedBeforeBrokerCeiling = true;
                }
                say("reading back the records of " + Topics.CATALOG_PRODUCTS + " for their sizes");
                results.recordSizes = kafka.recordSizes(Topics.CATALOG_PRODUCTS);
                String classpath = System.getProperty("java.class.path");
                int valueSize = (int) Math.round(results.recordSizes.value());
                int fullSize = (int) Math.round(results.recordSizes.total());
                kafka.createTopic("benchmark.producer-performance", partitions.size());
                results.producerPerfArguments = ProducerPerf.arguments("benchmark.producer-performance",
                        results.rowsAccepted, valueSize, stack.kafkaBootstrapServers());
                say("ceiling B: ProducerPerformance, %,d records of %d bytes".formatted(results.rowsAccepted, valueSize));
                long brokerCpuBefore = ProcessStats.cpuMillis(pids.get(Part.KAFKA)).orElse(0);
                results.producerPerf = ProducerPerf.run(classpath, results.producerPerfArguments,
                        work.resolve("producer-performance.log"));
                results.brokerCpuMillisDuringProducerPerf = ProcessStats.cpuMillis(pids.get(Part.KAFKA)).orElse(0)
                        - brokerCpuBefore;
                say("  " + Report.rate(results.producerPerf.recordsPerSecond()) + " records/s");
                kafka.createTopic("benchmark.producer-performance-full", partitions.size());
                results.producerPerfFullArguments = ProducerPerf.arguments("benchmark.producer-performance-full",
                        results.rowsAccepted, fullSize, stack.kafkaBootstrapServers());
                results.producerPerfFull = ProducerPerf.run(classpath, results.producerPerfFullArguments,
                        work.resolve("producer-performance-full.log"));
                say("  with %d-byte records: %s records/s".formatted(fullSize,
                        Report.rate(results.producerPerfFull.recordsPerSecond())));
                // not a ceiling of omnihub as configured: what larger batches would let the same broker take
                kafka.createTopic("benchmark.producer-performance-tuned", partitions.size());
                results.producerPerfTunedArguments = ProducerPerf.arguments("benchmark.producer-performance-tuned",
                        results.rowsAccepted, valueSize, stack.kafkaBootstrapServers(), "batch.size=262144",
                        "linger.ms=20");
                results.producerPerfTuned = ProducerPerf.run(classpath, results.producerPerfTunedArguments,
                        work.resolve("producer-performance-tuned.log"));
                say("  with batch.size=262144 linger.ms=20: %s records/s".formatted(
                        Report.rate(results.producerPerfTuned.recordsPerSecond())));
            }
        } finally {
            Optional<Long> ingest = Optional.ofNullable(pidsOrEmpty(stack).get(Part.INGEST));
            results.ingestAliveAfter = ingest.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
            results.ingestLoggedOutOfMemory = logMentions(stack.logFile(Part.INGEST), "java.lang.OutOfMemoryError");
            say("stopping the stack");
            stack.down();
        }
    }

    /**
     * Imports a file of other products and waits until the catalog has stored them, so that the measured import meets
     * services whose code the JIT has compiled, as the parse-only ceiling's passes do.
     */
    private static void warmUp(Options options, Results results, LocalStack stack, ServiceProbe probe,
            KafkaProgress kafka, List<TopicPartition> partitions, Path work, long ingestPid) throws Exception {
        results.warmUpRows = options.warmUpRows();
        Path file = work.resolve("products-warm-up-" + options.warmUpRows() + ".xlsx");
        ProductSheet.write(file, options.warmUpRows(), WARM_UP_FIRST_PRODUCT);
        String key = "products/warm-up-" + options.warmUpRows() + "-" + System.currentTimeMillis() + ".xlsx";
        say("warm-up: uploading %,d other products to %s/%s".formatted(options.warmUpRows(), Buckets.INBOX, key));
        upload(stack, file, key);
        long t0 = System.nanoTime();
        String ingestUrl = stack.serviceUrl(Part.INGEST);
        JsonNode job = awaitJob(probe, ingestUrl, key, options.timeout(), ingestPid);
        results.warmUpCompletedMillis = (System.nanoTime() - t0) / 1_000_000;
        if (!job.path("state").asString().startsWith("COMPLETED")) {
            throw new IllegalStateException("the warm-up import ended " + job.path("state").asString());
        }
        long produced = kafka.endOffsets(partitions);
        awaitTrue("catalog-service stored the warm-up products", options.catalogTimeout(),
                () -> kafka.committed(CATALOG_GROUP, partitions) >= produced);
        results.warmUpStoredMillis = (System.nanoTime() - t0) / 1_000_000;
        say("  warm-up import COMPLETED after %s, stored after %s".formatted(
                Report.seconds(results.warmUpCompletedMillis), Report.seconds(results.warmUpStoredMillis)));
    }

    /** Follows the stack's progress in Kafka and ingest's heap while the main thread waits. */
    static final class Sampler implements Runnable {

        private final KafkaProgress kafka;
        private final List<TopicPartition> partitions;
        private final long producedBefore;
        private final long committedBefore;
        private final long t0;
        private final ServiceProbe probe;
        private final String ingestUrl;
        private final List<long[]> timeline = new ArrayList<>();
        private volatile long expected;
        private volatile boolean running = true;
        volatile long producedAt = -1;
        volatile long storedAt = -1;
        volatile long maxLiveHeap = -1;

        Sampler(KafkaProgress kafka, List<TopicPartition> partitions, long producedBefore, long committedBefore,
                long expected, long t0, ServiceProbe probe, String ingestUrl) {
            this.kafka = kafka;
            this.partitions = partitions;
            this.producedBefore = producedBefore;
            this.committedBefore = committedBefore;
            this.expected = expected;
            this.t0 = t0;
            this.probe = probe;
            this.ingestUrl = ingestUrl;
        }

        void expect(long records) {
            expected = records;
        }

        void stop() {
            running = false;
        }

        synchronized List<long[]> timeline() {
            return List.copyOf(timeline);
        }

        @Override
        public void run() {
            long tick = 0;
            while (running) {
                try {
                    long produced = kafka.endOffsets(partitions) - producedBefore;
                    long committed = kafka.committed(CATALOG_GROUP, partitions) - committedBefore;
                    long now = System.nanoTime();
                    if (producedAt < 0 && produced >= expected) {
                        producedAt = now;
                    }
                    if (storedAt < 0 && committed >= expected && expected > 0) {
                        storedAt = now;
                    }
                    synchronized (this) {
                        timeline.add(new long[] {(now - t0) / 1_000_000, produced, committed});
                    }
                    if (tick++ % 10 == 0) {
                        double live = ServiceProbe.sum(probe.prometheus(ingestUrl), "jvm_gc_live_data_size_bytes", null);
                        if (!Double.isNaN(live)) {
                            maxLiveHeap = Math.max(maxLiveHeap, (long) live);
                        }
                    }
                    Thread.sleep(SAMPLE_EVERY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    say("  sampler: " + e.getMessage());
                }
            }
        }

        /** Whether the catalog committed every expected event before {@code deadline} (a nanoTime). */
        boolean awaitStored(long deadline) throws InterruptedException {
            while (storedAt < 0) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        /** The latest sample: ms since t0, in Kafka, committed. */
        synchronized long[] last() {
            return timeline.isEmpty() ? new long[] {0, 0, 0} : timeline.get(timeline.size() - 1);
        }
    }

    /**
     * Polls ingest for the job of the object: the list until the job shows up, then the job alone, four times a
     * second, so that the benchmark's own requests cost the service on this small machine as little as possible.
     */
    static JsonNode awaitJob(ServiceProbe probe, String ingestUrl, String key, Duration timeout, long ingestPid)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String id = null;
        while (true) {
            if (ProcessHandle.of(ingestPid).map(process -> !process.isAlive()).orElse(true)) {
                throw new IllegalStateException("ingest-service exited during the import (see its log)");
            }
            try {
                Optional<JsonNode> job = id == null ? probe.importOf(ingestUrl, ImportKindName.of(key), key)
                        : Optional.of(probe.importById(ingestUrl, id));
                if (job.isPresent()) {
                    id = job.get().path("id").asString();
                    if (isFinal(job.get().path("state").asString())) {
                        return job.get();
                    }
                }
            } catch (IOException e) {
                say("  ingest did not answer: " + e.getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the import of " + key + " had not ended after " + timeout);
            }
            Thread.sleep(id == null ? 100 : 250);
        }
    }

    static boolean isFinal(String state) {
        return state != null && !state.isEmpty() && !state.equals("RECEIVED") && !state.equals("RUNNING");
    }

    static void upload(LocalStack stack, Path file, String key) throws Exception {
        upload(stack, file, key, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    static void upload(LocalStack stack, Path file, String key, String contentType) throws Exception {
        MinioClient s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY).build();
        try (InputStream in = Files.newInputStream(file)) {
            s3.putObject(PutObjectArgs.builder().bucket(Buckets.INBOX).object(key)
                    .stream(in, Files.size(file), -1)
                    .contentType(contentType).build());
        }
    }

    private static long mongoCount(LocalStack stack) {
        try (MongoClient mongo = MongoClients.create(stack.mongoUri("catalog"))) {
            // the collection's own count: countDocuments aggregates over every document, which the emulated MongoDB
            // does in memory (it ran out of its heap at 220,000 products)
            return mongo.getDatabase("catalog").getCollection("products").estimatedDocumentCount();
        } catch (RuntimeException e) {
            say("  could not count catalog.products in MongoDB: " + e.getMessage());
            return -1;
        }
    }

    private static List<ParseOnly.Pass> parseWithFlags(Path file, List<String> jvmOptions, int passes, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProducerPerf.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ParseOnly.class.getName(),
                file.toString(), Integer.toString(passes)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            say("  parse-only with the service's flags failed; see " + log);
            return List.of();
        }
        return Files.readAllLines(log).stream().map(ParseOnly::parseLine).filter(pass -> pass != null).toList();
    }

    /** The JVM options of a service's command line: what comes before its classpath or jar. */
    static List<String> jvmOptions(List<String> commandLine) {
        List<String> options = new ArrayList<>();
        for (String argument : commandLine.subList(Math.min(1, commandLine.size()), commandLine.size())) {
            if (argument.equals("-cp") || argument.equals("-jar") || argument.equals("-classpath")
                    || !argument.startsWith("-")) {
                break;
            }
            options.add(argument);
        }
        return options;
    }

    private static Map<Part, Long> pids(LocalStack stack) {
        Map<Part, Long> pids = pidsOrEmpty(stack);
        for (Part part : PARTS) {
            if (!pids.containsKey(part)) {
                throw new IllegalStateException(part.id() + " is not running");
            }
        }
        return pids;
    }

    static Map<Part, Long> pidsOrEmpty(LocalStack stack) {
        Map<Part, Long> pids = new EnumMap<>(Part.class);
        for (PartStatus status : stack.status()) {
            status.pid().ifPresent(pid -> pids.put(status.part(), pid));
        }
        return pids;
    }

    /** Stops one process the stack started, by its pid: SIGTERM, then SIGKILL after 30 s. */
    static void stopProcess(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    static Map<Part, Long> cpu(Map<Part, Long> pids) {
        Map<Part, Long> cpu = new EnumMap<>(Part.class);
        pids.forEach((part, pid) -> cpu.put(part, ProcessStats.cpuMillis(pid).orElse(0)));
        return cpu;
    }

    /** A check to wait for; may throw while the thing it checks is not there yet. */
    interface Check {
        boolean holds() throws Exception;
    }

    static void awaitTrue(String what, Duration timeout, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not so after " + timeout.toSeconds() + " s: " + what
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    private static boolean logMentions(Path log, String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** The 1, 5 and 15 minute load averages: a machine busy with other work makes every figure smaller. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static boolean loadAboveCpus() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]) > Runtime.getRuntime().availableProcessors();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String machine() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kib -> String.format(Locale.ROOT, "%.1f GiB RAM",
                        Long.parseLong(kib.replace("kB", "").trim()) / 1024.0 / 1024.0))
                .orElse("unknown RAM");
        return "%d CPUs (nproc; %s), %s, %s %s".formatted(Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static Optional<String> firstValue(Path file, String name) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(name)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    static String commit(Path repo) {
        String head = git(repo, "rev-parse", "--short", "HEAD").orElse("unknown");
        boolean dirty = git(repo, "status", "--porcelain").map(status -> !status.isBlank()).orElse(false);
        return head + (dirty ? " with uncommitted changes" : "");
    }

    private static Optional<String> git(Path repo, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<String> command(String[] args) {
        List<String> command = new ArrayList<>(List.of("benchmarks/run"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--repo")) {
                i++;
            } else {
                command.add(args[i]);
            }
        }
        return command;
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void say(String line) {
        System.out.println("[benchmark] " + line);
    }
}
