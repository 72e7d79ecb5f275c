package io.omnihub.inventory.reservation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The answers outbox kept on the command documents: those not yet relayed to {@code inventory.reservations}.
 * Marked sent only after the broker acknowledged them, so a crash in between sends an answer twice (same event
 * id), never loses one.
 */
@Component
public class ReservationOutbox {

    private final MongoTemplate mongo;

    ReservationOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Oldest first: an order's answers reach Kafka in the order its commands were carried out. */
    public List<PendingAnswer> pending(int limit) {
        Query query = Query.query(where("unpublished").is(true)).with(Sort.by("queuedAt", "_id")).limit(limit);
        return mongo.find(query, CommandRecord.class).stream().map(CommandRecord::pending).toList();
    }

    /** Records that {@code sent} is on Kafka; false when it was queued again meanwhile (it is sent again). */
    public boolean markPublished(PendingAnswer sent) {
        return mongo.updateFirst(Query.query(where("_id").is(sent.commandId()).and("sending").is(sent.sending())),
                new Update().set("unpublished", false), CommandRecord.class).getMatchedCount() == 1;
    }
}
