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
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final Map<ImportKind, Importer> importers = new EnumMap<>(ImportKind.class);
    private final ImportJobs jobs;
    private final ImportReports reports;
    private final ObjectStore store;
    private final InboxProperties properties;
    private final TaskExecutor executor;

    InboxProcessor(List<Importer> importers, ImportJobs jobs, ImportReports reports, ObjectStore store,
            InboxProperties properties, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        importers.forEach(importer -> importer.kinds().forEach(kind -> this.importers.put(kind, importer)));
        this.jobs = jobs;
        this.reports = reports;
        this.store = store;
        this.properties = properties;
        this.executor = executor;
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
            log.warn("import of {} failed; it will be retried once its lease expires", printable(object.source()), e);
        }
    }

    private void run(Importer importer, ImportJob job, StoredObject object) {
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
