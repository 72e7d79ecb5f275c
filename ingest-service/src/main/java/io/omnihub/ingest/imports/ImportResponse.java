package io.omnihub.ingest.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An import job as the API shows it, with links to its error report. */
record ImportResponse(String id, ImportKind kind, String objectKey, ImportState state, Instant receivedAt,
        Instant startedAt, Instant finishedAt, Long durationMillis, long rowsRead, long rowsAccepted,
        long rowsRejected, List<RowError> firstErrors, String rejectionReason, String archive, Report report,
        String correlationId) {

    record Report(String csv, String json) {
    }

    static ImportResponse of(ImportJob job) {
        Long duration = job.startedAt() != null && job.finishedAt() != null
                ? Duration.between(job.startedAt(), job.finishedAt()).toMillis() : null;
        Report report = job.reportKey() == null ? null
                : new Report("/api/v1/imports/" + job.id() + "/report.csv",
                        "/api/v1/imports/" + job.id() + "/report.json");
        return new ImportResponse(job.id(), job.kind(), job.objectKey(), job.state(), job.receivedAt(),
                job.startedAt(), job.finishedAt(), duration, job.rowsRead(), job.rowsAccepted(), job.rowsRejected(),
                job.firstErrors() == null ? List.of() : job.firstErrors(), job.rejectionReason(), job.archiveKey(),
                report, job.correlationId());
    }
}
