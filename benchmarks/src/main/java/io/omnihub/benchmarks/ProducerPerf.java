package io.omnihub.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker ceiling: Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} (what
 * {@code kafka-producer-perf-test.sh} runs), in a JVM of its own, with omnihub's producer settings.
 */
final class ProducerPerf {

    static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, "
            + "(\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    private ProducerPerf() {
    }

    /** The tool's closing line. */
    record Summary(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs,
                   double maxLatencyMs, long p50Ms, long p99Ms) {
    }

    /** Reads the closing line; the tool also prints progress lines every 5 s, which have no percentiles. */
    static Optional<Summary> summaryOf(String output) {
        Summary last = null;
        Matcher matcher = SUMMARY.matcher(output);
        while (matcher.find()) {
            last = new Summary(Long.parseLong(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                    Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)),
                    Double.parseDouble(matcher.group(5)), Long.parseLong(matcher.group(6)),
                    Long.parseLong(matcher.group(8)));
        }
        return Optional.ofNullable(last);
    }

    /** The command line, so that the report can show exactly what ran. */
    static List<String> arguments(String topic, long records, int recordSize, String bootstrapServers,
                                  String... moreProducerProps) {
        List<String> arguments = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true", "linger.ms=5"));
        // a later property of the same name wins: the tool reads them into a Properties in order
        arguments.addAll(List.of(moreProducerProps));
        return arguments;
    }

    /** Runs the tool to its end and answers its summary; its whole output goes to {@code log}. */
    static Summary run(String classpath, List<String> arguments, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m",
                // the summary is parsed: numbers with a decimal point whatever the machine's locale
                "-Duser.language=en", "-Duser.country=US", "-cp", classpath, MAIN_CLASS));
        command.addAll(arguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not finish in 30 minutes; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("ProducerPerformance exited with " + process.exitValue() + ":\n" + output);
        }
        return summaryOf(output).orElseThrow(() -> new IllegalStateException(
                "no summary line in the output of ProducerPerformance:\n" + output));
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
