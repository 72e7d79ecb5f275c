package io.omnihub.inventory.reservation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The answers outbox kept on the command documents: those not yet relayed to {@code inventory.reservations},
 * which carry {@code pending} = {@code <commandId>@<sending>} (unique, sparse index: the emulator finds them, and
 * marks each one, by that index instead of scanning every command). This process's answers reach the relay in
 * memory ({@link AnswerPending}); the stored outbox is read only for what was left by a crash or another replica. Marked sent only after the broker
 * acknowledged them, so a crash in between sends an answer twice (same event id), never loses one.
 */
@Component
public class ReservationOutbox {

    /** Matches any value: the query the emulator answers from the sparse index's entries alone. */
    private static final Pattern ANY = Pattern.compile("^");

    private final MongoTemplate mongo;

    ReservationOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * What the stored outbox holds, oldest first (an order's answers reach Kafka in the order its commands were
     * carried out): after a restart, or what another replica stored and did not relay.
     */
    public List<PendingAnswer> pending(int limit) {
        Query query = Query.query(where("pending").regex(ANY)).with(Sort.by("queuedAt", "_id")).limit(limit);
        return mongo.find(query, CommandRecord.class).stream().map(CommandRecord::pendingAnswer).toList();
    }

    /**
     * Records that the answers are on Kafka, in one round trip (one conditional update each); answers how many were
     * still waiting for that sending (the others were queued again meanwhile, and are sent again).
     */
    public int markPublished(List<PendingAnswer> sent) {
        if (sent.isEmpty()) {
            return 0;
        }
        BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CommandRecord.class);
        for (PendingAnswer answer : sent) {
            marks.updateOne(Query.query(where("pending").is(CommandRecord.pending(answer.commandId(),
                    answer.sending()))), new Update().set("unpublished", false).unset("pending"));
        }
        return marks.execute().getMatchedCount();
    }

    /**
     * Puts in the outbox index the answers left pending by a version that had no {@code pending} field yet;
     * answers how many. A scan, once at start.
     */
    public int adoptUnindexed() {
        Query unindexed = Query.query(where("unpublished").is(true).and("pending").exists(false));
        int adopted = 0;
        for (CommandRecord record : mongo.find(unindexed, CommandRecord.class)) {
            adopted += (int) mongo.updateFirst(Query.query(where("_id").is(record.commandId()).and("sending")
                    .is(record.sending()).and("pending").exists(false)), new Update().set("pending",
                            CommandRecord.pending(record.commandId(), record.sending())), CommandRecord.class)
                    .getModifiedCount();
        }
        return adopted;
    }
}
