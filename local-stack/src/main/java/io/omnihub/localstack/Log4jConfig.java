package io.omnihub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Log4j 2 configuration of the infrastructure processes: everything to stdout, which goes to the part's log file. */
final class Log4jConfig {

    private static final String CONFIG = """
            status = warn
            appender.out.type = Console
            appender.out.name = out
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = %d{ISO8601} %-5p [%t] %c{1.} - %m%n
            rootLogger.level = info
            rootLogger.appenderRef.out.ref = out
            logger.statechange.name = state.change.logger
            logger.statechange.level = warn
            logger.netty.name = io.netty
            logger.netty.level = warn
            """;

    private Log4jConfig() {
    }

    /** Writes the configuration and returns the JVM option that selects it. */
    static String writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "-Dlog4j2.configurationFile=" + file.toAbsolutePath();
    }
}
