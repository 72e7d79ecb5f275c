package io.omnihub.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recording of a running process (started and stopped with {@code jcmd}), summarised as where its CPU
 * samples fall: the hottest methods, and the share of samples inside each part of the pipeline.
 */
final class Profiler {

    private static final String RECORDING = "omnihub-benchmark";

    /**
     * Parts of the pipeline, by class name prefix. A sample belongs to the innermost frame that matches one: rows are
     * handed to ingest's code from inside the reader's loop, so every import sample has the reader somewhere below.
     * JDK frames match none: they count for the code that called them.
     */
    static final Map<String, List<String>> COMPONENTS = components();

    private Profiler() {
    }

    private static Map<String, List<String>> components() {
        Map<String, List<String>> components = new LinkedHashMap<>();
        components.put("xlsx reading (fastexcel-reader, XML, unzip)", List.of("org.dhatim.fastexcel.reader.",
                "com.fasterxml.aalto.", "org.apache.commons.compress."));
        components.put("row validation (ingest)", List.of("io.omnihub.ingest.products.ProductValidation",
                "io.omnihub.ingest.products.Decimals", "io.omnihub.ingest.products.Gtin"));
        components.put("rows to fields (ingest)", List.of("io.omnihub.ingest.sheet.", "io.omnihub.ingest.products."));
        components.put("event publishing (omnihub platform)", List.of("io.omnihub.platform."));
        components.put("metrics and tracing (Micrometer)", List.of("io.micrometer."));
        components.put("event JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson."));
        components.put("Kafka producer", List.of("org.apache.kafka.clients.producer."));
        components.put("Kafka consumer", List.of("org.apache.kafka.clients.consumer."));
        components.put("Kafka network I/O (client)", List.of("org.apache.kafka.common.network.",
                "org.apache.kafka.clients.NetworkClient"));
        components.put("Kafka broker: log append", List.of("kafka.log.", "org.apache.kafka.storage.internals.log."));
        components.put("Kafka broker: request handling", List.of("kafka.server.", "kafka.network.",
                "org.apache.kafka.server."));
        components.put("Mongo driver", List.of("com.mongodb.", "org.bson."));
        components.put("Spring Data MongoDB (mapping)", List.of("org.springframework.data."));
        components.put("catalog: category tree", List.of("io.omnihub.catalog.category."));
        components.put("catalog: product apply", List.of("io.omnihub.catalog.product.", "io.omnihub.catalog.messaging."));
        components.put("Spring Kafka listener", List.of("org.springframework.kafka."));
        components.put("embedded MongoDB server (mongo-java-server)", List.of("de.bwaldvogel.mongo."));
        components.put("H2 storage (embedded MongoDB)", List.of("org.h2."));
        components.put("S3 client (MinIO, OkHttp)", List.of("io.minio.", "okhttp3.", "okio."));
        components.put("logging", List.of("ch.qos.logback.", "org.apache.logging.log4j."));
        return components;
    }

    static void start(long pid, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile", "filename=" + file.toAbsolutePath());
    }

    static void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + RECORDING);
    }

    /** What a recording says about one process. */
    record Summary(long samples, List<Share> hottestMethods, List<Share> components, List<Share> threads) {
    }

    /** A part of the samples. */
    record Share(String what, long samples, double fraction) {
    }

    static Summary summarize(Path recording, int limit) throws IOException {
        Map<String, Long> selfByMethod = new HashMap<>();
        Map<String, Long> byComponent = new LinkedHashMap<>();
        Map<String, Long> byThread = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            selfByMethod.merge(methodOf(frames.get(0)), 1L, Long::sum);
            byComponent.merge(componentOf(frames.stream().map(Profiler::classOf).toList()), 1L, Long::sum);
            var thread = event.getThread("sampledThread");
            byThread.merge(threadGroup(thread == null ? "?" : thread.getJavaName()), 1L, Long::sum);
        }
        return new Summary(samples, top(selfByMethod, samples, limit), top(byComponent, samples, limit),
                top(byThread, samples, limit));
    }

    /** The component of the innermost frame that belongs to one, or "other" (JDK, Spring core, …). */
    static String componentOf(List<String> classNamesInnermostFirst) {
        for (String name : classNamesInnermostFirst) {
            for (Map.Entry<String, List<String>> component : COMPONENTS.entrySet()) {
                if (component.getValue().stream().anyMatch(name::startsWith)) {
                    return component.getKey();
                }
            }
        }
        return "other";
    }

    /** {@code task-3} and {@code task-4} are one pool: thread numbers are left out. */
    static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "N");
    }

    private static String classOf(RecordedFrame frame) {
        return frame.getMethod() == null || frame.getMethod().getType() == null ? "?"
                : frame.getMethod().getType().getName();
    }

    private static String methodOf(RecordedFrame frame) {
        return frame.getMethod() == null ? "?" : classOf(frame) + "." + frame.getMethod().getName();
    }

    private static List<Share> top(Map<String, Long> counts, long total, int limit) {
        List<Share> shares = new ArrayList<>();
        counts.forEach((what, count) -> shares.add(new Share(what, count, total == 0 ? 0 : (double) count / total)));
        shares.sort(Comparator.comparingLong(Share::samples).reversed());
        return shares.subList(0, Math.min(limit, shares.size()));
    }

    /** {@code Profiler <recording.jfr>...}: the summary of recordings made earlier, e.g. by a --profile run. */
    public static void main(String[] args) throws IOException {
        for (String file : args) {
            Summary summary = summarize(Path.of(file), 12);
            System.out.printf("%s: %,d samples%n", file, summary.samples());
            for (var list : List.of(summary.threads(), summary.components(), summary.hottestMethods())) {
                list.forEach(share -> System.out.printf("  %5.1f%%  %s%n", share.fraction() * 100, share.what()));
                System.out.println();
            }
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
