package io.omnihub.system.faults;

import static org.awaitility.Awaitility.await;

import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import io.omnihub.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The fault cases' own embedded stack (never the journeys' shared one: a case kills its parts), on free ports,
 * started on first use and stopped when the test JVM exits. Catalog and coupon services are left out: no case
 * needs them. The ERP stand-in runs first, since ingest's pull integration and order-service's push point at it.
 */
final class FaultStack {

    static final String PULL = "fault-erp";
    static final List<Part> PARTS = List.of(Part.KAFKA, Part.MONGO, Part.S3, Part.INGEST, Part.INVENTORY, Part.ORDER,
            Part.GATEWAY);

    private static LocalStack stack;
    private static ErpStandIn erp;

    private FaultStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            if (erp == null) {
                erp = new ErpStandIn();
            }
            Scale scale = Scale.current();
            LocalStack starting;
            try {
                Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "stacks")), "faults-");
                starting = new LocalStack(LocalStack.Settings.forTests(Fixtures.directory().getParent(), home)
                        .withParts(PARTS)
                        .withEnv("INBOX_POLL_INTERVAL", "500ms")
                        .withEnv("INBOX_LEASE", scale.inboxLease().toSeconds() + "s")
                        // ingest pulls stock pages from the stand-in: short timeout, two tries, then the run stops
                        .withEnv("OMNIHUB_PULL_INTEGRATIONS_0_NAME", PULL)
                        .withEnv("OMNIHUB_PULL_INTEGRATIONS_0_KIND", "STOCK_PARTIAL")
                        .withEnv("OMNIHUB_PULL_INTEGRATIONS_0_URL", erp.url("/stock"))
                        .withEnv("OMNIHUB_PULL_INTEGRATIONS_0_PAGE_SIZE", "100")
                        .withEnv("OMNIHUB_PULL_INTEGRATIONS_0_TIMEOUT", "1s")
                        .withEnv("OMNIHUB_PULL_INTEGRATIONS_0_ATTEMPTS", "2")
                        .withEnv("OMNIHUB_PULL_INTEGRATIONS_0_BACKOFF", "200ms")
                        // order-service pushes to the stand-in: short timeout, failed rounds tried again soon
                        .withEnv("OMNIHUB_ORDERS_ERP_PUSH_TIMEOUT", "1s")
                        .withEnv("OMNIHUB_ORDERS_ERP_PUSH_RETRY_AFTER", "1s")
                        .withEnv("OMNIHUB_ORDERS_ERP_PUSH_MAX_RETRY_AFTER", "2s")
                        .withEnv("OMNIHUB_ORDERS_ERP_PUSH_OPEN_FOR", "2s")
                        .withEnv("OMNIHUB_ORDERS_ERP_PUSH_INTERVAL", "500ms")
                        .withEnv("OMNIHUB_INVENTORY_RELAY_INTERVAL", "1s")
                        // a part restarted while the emulated MongoDB is busy with a long case's rows is slow to
                        // report UP (its health includes MongoDB): it gets as long as the case's other waits
                        .withHealthTimeout(scale.patience()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitReadableJars(starting);
            // kept only once up: a start that failed (e.g. a jar rewritten meanwhile) is tried afresh by the next case
            starting.up();
            stack = starting;
        }
        return stack;
    }

    static synchronized ErpStandIn erp() {
        get();
        return erp;
    }

    /**
     * Starts again whatever a case left dead, so the next case finds every process; parts still running are left
     * alone (after a broker restart the services take a while to report UP again, and the next case waits for the
     * states it needs anyway).
     */
    static void restore() {
        LocalStack running = get();
        List<Part> dead = PARTS.stream().filter(part -> running.process(part).isEmpty()).toList();
        if (!dead.isEmpty()) {
            running.start(dead);
        }
    }

    /** Waits while a service jar is being rewritten by another build (a half-written jar would not start). */
    private static void awaitReadableJars(LocalStack stack) {
        for (Part part : PARTS) {
            if (part.isService()) {
                await("a readable jar of " + part.id()).atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> stack.execJar(part).map(FaultStack::readable).orElse(true));
            }
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
