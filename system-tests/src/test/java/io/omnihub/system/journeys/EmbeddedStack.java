package io.omnihub.system.journeys;

import static org.awaitility.Awaitility.await;

import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import io.omnihub.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarFile;

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
            LocalStack starting;
            try {
                // under target/, so the logs of every part are there to read when a journey fails
                Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "stacks")), "stack-");
                starting = new LocalStack(LocalStack.Settings.forTests(Fixtures.directory().getParent(), home)
                        .withEnv("INBOX_POLL_INTERVAL", "500ms"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitReadableJars(starting);
            // kept only once up: a start that failed (e.g. a jar rewritten meanwhile) is tried afresh by the next journey
            starting.up();
            stack = starting;
        }
        return stack;
    }

    /**
     * Waits (up to two minutes) while a service jar is being rewritten: in a shared working tree another build may
     * be packaging a module right now, and a half-written jar would fail the start with a ZipException.
     */
    private static void awaitReadableJars(LocalStack stack) {
        for (Part part : Part.services()) {
            await("a readable jar of " + part.id()).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> stack.execJar(part).map(EmbeddedStack::readable).orElse(true));
        }
    }

    private static boolean readable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Main-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
