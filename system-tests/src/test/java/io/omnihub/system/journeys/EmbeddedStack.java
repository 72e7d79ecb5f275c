package io.omnihub.system.journeys;

import io.omnihub.localstack.LocalStack;
import io.omnihub.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded stack (Kafka broker, MongoDB-wire and S3 servers, the six services as processes) for every
 * journey of the test JVM: started on first use on free ports, stopped when the JVM exits.
 */
final class EmbeddedStack {

    private static LocalStack stack;

    private EmbeddedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                // under target/, so the logs of every part are there to read when a journey fails
                Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "stacks")), "stack-");
                stack = new LocalStack(LocalStack.Settings.forTests(Fixtures.directory().getParent(), home)
                        .withEnv("INBOX_POLL_INTERVAL", "500ms"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stack.up();
        }
        return stack;
    }
}
