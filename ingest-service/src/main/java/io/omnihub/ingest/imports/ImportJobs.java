package io.omnihub.ingest.imports;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.ingest.storage.StoredObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import io.omnihub.platform.web.CorrelationId;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Import jobs in MongoDB. Claiming is one atomic document update, so two replicas never run the same
 * object, and a job whose worker died (lease expired) is taken over and redone.
 */
@Component
public class ImportJobs {

    /** A rejection reason may quote a parser's message; the job document keeps this much of it. */
    static final int MAX_REASON = 1_000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String worker = UUID.randomUUID().toString();

    ImportJobs(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public static String newId() {
        return "imp-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** Records an input the API has just stored, so its id can be answered before it runs. */
    public ImportJob received(String id, ImportKind kind, StoredObject object) {
        var job = new ImportJob(id, object.source(), kind, object.key(), object.size(), ImportState.RECEIVED,
                clock.instant(), null, null, null, null, 0, 0, 0, List.of(), null, null, null,
                MDC.get(CorrelationId.MDC_KEY));
        return mongo.insert(job);
    }

    /** As {@link #received}, unless this very object (key and content) already has a job: its id is answered. */
    public String receivedOnce(String id, ImportKind kind, StoredObject object) {
        try {
            return received(id, kind, object).id();
        } catch (DuplicateKeyException known) {
            // the poller made the job first: it still gets the request's correlation id
            String correlationId = MDC.get(CorrelationId.MDC_KEY);
            if (correlationId != null) {
                mongo.updateFirst(Query.query(where("source").is(object.source()).and("correlationId").isNull()),
                        new Update().set("correlationId", correlationId), ImportJob.class);
            }
            return bySource(object).map(ImportJob::id).orElseThrow(() -> known);
        }
    }

    /** The job of this object if this worker may run it now: new, waiting, or abandoned by a dead worker. */
    public Optional<ImportJob> claim(ImportKind kind, StoredObject object, Duration lease) {
        Instant now = clock.instant();
        Query claimable = Query.query(where("source").is(object.source()).orOperator(
                where("state").is(ImportState.RECEIVED),
                new Criteria().andOperator(where("state").is(ImportState.RUNNING), where("leaseUntil").lt(now))));
        Update run = new Update().set("state", ImportState.RUNNING).set("startedAt", now)
                .set("leaseUntil", now.plus(lease)).set("worker", worker);
        ImportJob claimed = mongo.findAndModify(claimable, run, FindAndModifyOptions.options().returnNew(true),
                ImportJob.class);
        if (claimed != null) {
            return Optional.of(claimed);
        }
        if (mongo.exists(Query.query(where("source").is(object.source())), ImportJob.class)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mongo.insert(new ImportJob(newId(), object.source(), kind, object.key(), object.size(),
                    ImportState.RUNNING, now, now, null, now.plus(lease), worker, 0, 0, 0, List.of(), null, null,
                    null, null)));
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
    }

    /**
     * Extends the lease of a job this worker is still running, so that a long import is never taken over by another
     * replica while it is alive; answers false when the job is no longer this worker's (its lease ran out and another
     * worker took it, or it finished).
     */
    public boolean renew(ImportJob job, Duration lease) {
        Query mine = Query.query(where("id").is(job.id()).and("worker").is(worker).and("state").is(ImportState.RUNNING));
        return mongo.updateFirst(mine, new Update().set("leaseUntil", clock.instant().plus(lease)), ImportJob.class)
                .getMatchedCount() == 1;
    }

    /**
     * Gives up this worker's claim on a job whose import failed: any worker may claim it again after {@code delay}
     * (a running job whose lease has passed is claimable). Nothing changes if the job is no longer this worker's.
     */
    public void retryAfter(ImportJob job, Duration delay) {
        Query mine = Query.query(where("id").is(job.id()).and("worker").is(worker).and("state").is(ImportState.RUNNING));
        mongo.updateFirst(mine, new Update().set("leaseUntil", clock.instant().plus(delay)), ImportJob.class);
    }

    public Optional<ImportJob> bySource(StoredObject object) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("source").is(object.source())), ImportJob.class));
    }

    public void finish(ImportJob job, ImportOutcome outcome, String archiveKey, String reportKey) {
        List<RowError> errors = outcome.errors();
        ImportState state = outcome.rowsRejected() == 0 ? ImportState.COMPLETED : ImportState.COMPLETED_WITH_ERRORS;
        mongo.updateFirst(Query.query(where("id").is(job.id())), withCorrelationId(new Update()).set("state", state)
                .set("finishedAt", clock.instant()).unset("leaseUntil").set("rowsRead", outcome.rowsRead())
                .set("rowsAccepted", outcome.rowsAccepted()).set("rowsRejected", outcome.rowsRejected())
                .set("firstErrors", errors.subList(0, Math.min(errors.size(), ImportJob.FIRST_ERRORS)))
                .set("archiveKey", archiveKey).set("reportKey", reportKey), ImportJob.class);
    }

    public void reject(ImportJob job, String reason, String archiveKey) {
        mongo.updateFirst(Query.query(where("id").is(job.id())), withCorrelationId(new Update())
                .set("state", ImportState.REJECTED).set("finishedAt", clock.instant()).unset("leaseUntil")
                .set("rejectionReason", clipped(reason)).set("archiveKey", archiveKey), ImportJob.class);
    }

    /** Rejected after some rows were published: the counters and the report say which. */
    public void reject(ImportJob job, String reason, String archiveKey, ImportOutcome partial, String reportKey) {
        List<RowError> errors = partial.errors();
        mongo.updateFirst(Query.query(where("id").is(job.id())), withCorrelationId(new Update())
                .set("state", ImportState.REJECTED).set("finishedAt", clock.instant()).unset("leaseUntil")
                .set("rejectionReason", clipped(reason)).set("archiveKey", archiveKey)
                .set("rowsRead", partial.rowsRead()).set("rowsAccepted", partial.rowsAccepted())
                .set("rowsRejected", partial.rowsRejected())
                .set("firstErrors", errors.subList(0, Math.min(errors.size(), ImportJob.FIRST_ERRORS)))
                .set("reportKey", reportKey), ImportJob.class);
    }

    /** The correlation id the import ran under (the object's, when the job did not know it yet). */
    private static Update withCorrelationId(Update update) {
        String correlationId = MDC.get(CorrelationId.MDC_KEY);
        return correlationId == null ? update : update.set("correlationId", correlationId);
    }

    private static String clipped(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }

    /** The jobs of every object whose key starts with {@code prefix}, e.g. the pages of one pull run. */
    public List<ImportJob> byKeyPrefix(String prefix) {
        return mongo.find(Query.query(where("objectKey").regex("^" + Pattern.quote(prefix))), ImportJob.class);
    }

    public Optional<ImportJob> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, ImportJob.class));
    }

    public List<ImportJob> page(Optional<ImportKind> kind, Optional<ImportState> state, int page, int size) {
        Query query = new Query();
        kind.ifPresent(k -> query.addCriteria(where("kind").is(k)));
        state.ifPresent(s -> query.addCriteria(where("state").is(s)));
        query.with(Sort.by(Sort.Direction.DESC, "receivedAt")).skip((long) page * size).limit(size);
        return mongo.find(query, ImportJob.class);
    }
}
