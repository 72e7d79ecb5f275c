package io.omnihub.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What ./omni started: the PID with the process start time. A PID alone could meanwhile belong to another program;
 * PID and start time together identify the process we started.
 */
record PidFile(long pid, Instant started, int port) {

    private static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(2);

    static PidFile of(ProcessHandle process, int port) {
        return new PidFile(process.pid(), process.info().startInstant().orElse(Instant.EPOCH), port);
    }

    static Optional<PidFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return Optional.of(new PidFile(Long.parseLong(properties.getProperty("pid")),
                    Instant.ofEpochMilli(Long.parseLong(properties.getProperty("started"))),
                    Integer.parseInt(properties.getProperty("port"))));
        } catch (IOException | RuntimeException e) {
            // a damaged file identifies nothing; it is treated as stale
            return Optional.empty();
        }
    }

    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("started", Long.toString(started.toEpochMilli()));
        properties.setProperty("port", Integer.toString(port));
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "written by ./omni; the process is identified by pid and start time");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live process this file describes, if it is still the one that was started. */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().startInstant()
                        .map(start -> Duration.between(start, started).abs().compareTo(CLOCK_TOLERANCE) <= 0)
                        .orElse(false));
    }
}
