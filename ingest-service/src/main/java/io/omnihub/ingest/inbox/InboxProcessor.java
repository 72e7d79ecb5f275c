package io.omnihub.ingest.inbox;

import io.omnihub.contracts.Buckets;
import io.omnihub.ingest.imports.ImportJob;
import io.omnihub.ingest.imports.ImportJobs;
import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.imports.ImportOutcome;
import io.omnihub.ingest.imports.ImportReports;
import io.omnihub.ingest.imports.Importer;
import io.omnihub.ingest.imports.PartlyImportedException;
import io.omnihub.ingest.sheet.UnreadableFileException;
import io.omnihub.ingest.storage.ObjectStore;
import io.omnihub.ingest.storage.StoredObject;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.omnihub.platform.web.CorrelationId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Turns one inbox object into one import job, exactly once: claim the job, import, report, archive,
 * then remove the object from the inbox. A crash anywhere leaves the job to be taken over (its events
 * carry deterministic ids, so a redo is harmless) or only the clean-up to finish.
 */
@Component
public class InboxProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);

    private static final Duration MIN_BEAT = Duration.ofMillis(100);
    /** How soon an import that failed on this worker may be claimed again, here or by another replica. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

    private final Map<ImportKind, Importer> importers = new EnumMap<>(ImportKind.class);
    private final ImportJobs jobs;
    private final ImportReports reports;
    private final ObjectStore store;
    private final InboxProperties properties;
    private final TaskExecutor executor;
    /** Renews the leases of the imports running here (the import threads are busy importing). */
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "import-leases");
        thread.setDaemon(true);
        return thread;
    });

    InboxProcessor(List<Importer> importers, ImportJobs jobs, ImportReports reports, ObjectStore store,
            InboxProperties properties, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        importers.forEach(importer -> importer.kinds().forEach(kind -> this.importers.put(kind, importer)));
        this.jobs = jobs;
        this.reports = reports;
        this.store = store;
        this.properties = properties;
        this.executor = executor;
    }

    @PreDestroy
    void stop() {
        leases.shutdownNow();
    }

    /** Imports it now, in the background; the poller would find it anyway. */
    public void processSoon(StoredObject object) {
        executor.execute(() -> process(object));
    }

    void process(StoredObject object) {
        Optional<ImportKind> kind = ImportKind.ofKey(object.key()).filter(importers::containsKey);
        if (kind.isEmpty()) {
            return;
        }
        try {
            Optional<ImportJob> claimed = jobs.claim(kind.get(), object, properties.lease());
            if (claimed.isPresent()) {
                run(importers.get(kind.get()), claimed.get(), object);
            } else if (jobs.bySource(object).map(job -> job.state().isFinal()).orElse(false)) {
                // imported before (same key, same content): only the clean-up was left
                store.delete(object);
            }
        } catch (RuntimeException e) {
            log.warn("import of {} failed; it will be retried", printable(object.source()), e);
        }
    }

    private void run(Importer importer, ImportJob job, StoredObject object) {
        // a long import keeps its lease while this worker is alive; only a dead worker's job is taken over
        Duration beat = properties.lease().dividedBy(3).compareTo(MIN_BEAT) < 0 ? MIN_BEAT
                : properties.lease().dividedBy(3);
        ScheduledFuture<?> heartbeat = leases.scheduleWithFixedDelay(() -> renew(job), beat.toMillis(),
                beat.toMillis(), TimeUnit.MILLISECONDS);
        try {
            runClaimed(importer, job, object);
        } catch (RuntimeException e) {
            heartbeat.cancel(false);
            // a passing failure (the object store, the broker, the database) is retried in seconds, not after the lease
            try {
                jobs.retryAfter(job, RETRY_AFTER_FAILURE);
            } catch (RuntimeException notReleased) {
                e.addSuppressed(notReleased);
            }
            throw e;
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void renew(ImportJob job) {
        try {
            if (!jobs.renew(job, properties.lease())) {
                log.warn("import {} is no longer this worker's: its lease ran out and another worker took it over",
                        job.id());
            }
        } catch (RuntimeException e) {
            log.warn("could not renew the lease of import {}; retrying at the next beat", job.id(), e);
        }
    }

    private void runClaimed(Importer importer, ImportJob job, StoredObject object) {
        // archived first: whatever an event points at (a photo, say) is there before the event is
        String archiveKey = ImportJob.archiveKeyOf(job.id(), object.key());
        store.copy(object, Buckets.ARCHIVE, archiveKey);
        try (InputStream content = store.open(object)) {
            // the pushing request's correlation id: on the object (whoever claimed it), else on the job
            String correlationId = ObjectStore.correlationIdOf(content).orElse(job.correlationId());
            if (correlationId != null) {
                MDC.put(CorrelationId.MDC_KEY, correlationId);
            }
            try {
                ImportOutcome outcome = importer.run(job, content);
                String report = reports.write(job.id(), outcome.errors());
                jobs.finish(job, outcome, archiveKey, report);
                log.info("import {} of {}: {} rows, {} accepted, {} rejected", job.id(), printable(object.key()),
                        outcome.rowsRead(), outcome.rowsAccepted(), outcome.rowsRejected());
            } catch (PartlyImportedException e) {
                String report = reports.write(job.id(), e.outcome().errors());
                jobs.reject(job, e.getMessage(), archiveKey, e.outcome(), report);
                log.info("import {} of {} rejected: {}", job.id(), printable(object.key()), printable(e.getMessage()));
            } catch (UnreadableFileException e) {
                jobs.reject(job, e.getMessage(), archiveKey);
                log.info("import {} of {} rejected: {}", job.id(), printable(object.key()), printable(e.getMessage()));
            } finally {
                MDC.remove(CorrelationId.MDC_KEY);
            }
        } catch (IOException e) {
            throw new ObjectStore.ObjectStoreException(e);
        }
        store.delete(object);
    }

    /** Object keys and messages may carry line breaks and control characters: never into a log line as such. */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder printable = new StringBuilder(Math.min(text.length(), 300));
        for (int i = 0; i < text.length() && printable.length() < 300; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                printable.append(String.format("\\u%04x", (int) c));
            } else {
                printable.append(c);
            }
        }
        return printable.length() < text.length() ? printable + "…" : printable.toString();
    }
}
