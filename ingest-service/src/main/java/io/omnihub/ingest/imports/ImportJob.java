package io.omnihub.ingest.imports;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One input (file, API push or pulled page) and what became of it. {@code source} (bucket, key, ETag) is
 * unique: the same content under the same key is imported once, whichever replica sees it first.
 * {@code correlationId} is the one of the request that pushed it (X-Correlation-Id), carried by its events.
 */
@Document("imports")
public record ImportJob(@Id String id, @Indexed(unique = true) String source, ImportKind kind, String objectKey,
        long size, ImportState state, Instant receivedAt, Instant startedAt, Instant finishedAt, Instant leaseUntil,
        String worker, long rowsRead, long rowsAccepted, long rowsRejected, List<RowError> firstErrors,
        String rejectionReason, String archiveKey, String reportKey, String correlationId) {

    /** How many errors the job keeps for the API; all of them are in the report. */
    public static final int FIRST_ERRORS = 20;

    /** Where an input is kept once processed, in {@code omnihub-archive}: under its import id, made safe. */
    public static String archiveKeyOf(String importId, String objectKey) {
        return ArchiveKeys.of(importId, objectKey);
    }
}
