package io.omnihub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one JVM) run as a child process, with
 * its configuration and data in one directory. The log directory is formatted only once, so topics and records
 * survive restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Options options;
    private final Process process;

    private KafkaBroker(Options options, Process process) {
        this.options = options;
        this.process = process;
    }

    /**
     * Where and how the broker runs.
     *
     * @param dir            holds server.properties, the Log4j configuration and the data (created if missing)
     * @param classpath      a classpath with kafka_2.13 and a Log4j 2 SLF4J provider, e.g. local-stack's
     * @param logFile        receives the broker's output
     * @param jvmOptions     heap and GC flags
     * @param exitWithParent stop the broker when this JVM exits (tests); the launcher leaves it running
     */
    public record Options(Path dir, int port, int controllerPort, String classpath, Path logFile,
                          List<String> jvmOptions, boolean exitWithParent) {

        public static final List<String> DEFAULT_JVM_OPTIONS = concat(List.of("-Xms64m", "-Xmx320m"),
                JavaProcess.BUSY_JVM);

        public Options {
            jvmOptions = List.copyOf(jvmOptions);
        }

        /** For tests: this JVM's classpath, output to {@code <dir>/kafka.log}, stopped with this JVM. */
        public static Options of(Path dir, int port, int controllerPort) {
            return new Options(dir, port, controllerPort, System.getProperty("java.class.path"),
                    dir.resolve("kafka.log"), DEFAULT_JVM_OPTIONS, true);
        }

        public Path dataDir() {
            return dir.resolve("data");
        }
    }

    /** Starts the broker and waits until it accepts connections. */
    public static KafkaBroker start(Options options) {
        KafkaBroker broker = launch(options);
        broker.awaitReady(READY_TIMEOUT);
        return broker;
    }

    /** Starts the broker without waiting for it; see {@link #awaitReady(Duration)}. */
    public static KafkaBroker launch(Options options) {
        Path properties = writeConfiguration(options);
        String log4j = Log4jConfig.writeTo(options.dir().resolve("log4j2.properties"));
        List<String> jvmOptions = concat(options.jvmOptions(), List.of(log4j));
        formatOnce(options, properties, jvmOptions);
        Process process = JavaProcess.mainClass(options.classpath(), "kafka.Kafka", properties.toString())
                .jvmOptions(jvmOptions)
                .log(options.logFile())
                .workDir(options.dir())
                .exitWithParent(options.exitWithParent())
                .start();
        return new KafkaBroker(options, process);
    }

    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Ports.isAccepting(options.port())) {
            if (!process.isAlive()) {
                throw new LocalStackException("Kafka broker exited with code " + process.exitValue()
                        + "; the end of " + options.logFile() + ":\n" + JavaProcess.tail(options.logFile(), 30));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LocalStackException("Kafka broker did not listen on port " + options.port() + " within "
                        + timeout.toSeconds() + " s; see " + options.logFile());
            }
            pause();
        }
    }

    public String bootstrapServers() {
        return Ports.HOST + ":" + options.port();
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle process() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the broker by its PID: SIGTERM for a controlled shutdown, SIGKILL if that takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path writeConfiguration(Options options) {
        String listeners = "PLAINTEXT://%s:%d,CONTROLLER://%s:%d"
                .formatted(Ports.HOST, options.port(), Ports.HOST, options.controllerPort());
        String configuration = """
                # written by io.omnihub.localstack.KafkaBroker at every start; a single-node dev broker
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%s:%d
                listeners=%s
                advertised.listeners=PLAINTEXT://%s:%d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%s
                num.partitions=3
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=10
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # a dev box keeps three days, at most 256 MB per partition, in 64 MB segments
                log.retention.hours=72
                log.retention.bytes=268435456
                log.segment.bytes=67108864
                # fewer threads and a small compaction buffer keep the broker's memory low
                num.network.threads=2
                num.io.threads=4
                background.threads=4
                num.recovery.threads.per.data.dir=1
                log.cleaner.threads=1
                log.cleaner.dedupe.buffer.size=16777216
                """.formatted(Ports.HOST, options.controllerPort(), listeners, Ports.HOST, options.port(),
                options.dataDir().toAbsolutePath().toString().replace('\\', '/'));
        try {
            Files.createDirectories(options.dataDir());
            Path file = options.dir().resolve("server.properties");
            Files.writeString(file, configuration);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void formatOnce(Options options, Path properties, List<String> jvmOptions) {
        if (Files.exists(options.dataDir().resolve("meta.properties"))) {
            return;
        }
        Process format = JavaProcess.mainClass(options.classpath(), "kafka.tools.StorageTool", "format",
                        "--cluster-id", Uuid.randomUuid().toString(), "--config", properties.toString())
                .jvmOptions(jvmOptions)
                .log(options.logFile())
                .workDir(options.dir())
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new LocalStackException("Formatting the Kafka log directory took over 60 s; see "
                        + options.logFile());
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while formatting the Kafka log directory", e);
        }
        if (format.exitValue() != 0) {
            throw new LocalStackException("Formatting the Kafka log directory " + options.dataDir() + " failed:\n"
                    + JavaProcess.tail(options.logFile(), 20));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
