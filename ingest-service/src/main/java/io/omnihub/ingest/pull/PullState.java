package io.omnihub.ingest.pull;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where an integration's pulling stands: the run in progress and the next page to fetch, so a run stopped
 * by an ERP outage resumes where it stopped instead of starting over or losing pages.
 */
@Document("pulls")
record PullState(@Id String name, String runId, int nextPage, PullStatus status, Instant leaseUntil,
        Instant runStartedAt, Instant lastCompletedAt, int pagesThisRun, String lastError, Instant lastErrorAt) {

    enum PullStatus {
        IDLE, RUNNING, INTERRUPTED
    }
}
