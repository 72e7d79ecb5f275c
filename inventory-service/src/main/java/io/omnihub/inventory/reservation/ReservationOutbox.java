package io.omnihub.inventory.reservation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The answers outbox kept on the command documents: those not yet relayed to {@code inventory.reservations},
 * which carry {@code pending} = {@code <commandId>@<sending>} (unique, sparse index: the emulator finds them, and
 * marks each one, by that index instead of scanning every command). Marked sent only after the broker
 * acknowledged them, so a crash in between sends an answer twice (same event id), never loses one.
 */
@Component
public class ReservationOutbox {

    /** Matches any value: the query the emulator answers from the sparse index's entries alone. */
    private static final Pattern ANY = Pattern.compile("^");
    private static final Comparator<CommandRecord> OLDEST_FIRST = Comparator.comparing(CommandRecord::queuedAt)
            .thenComparing(CommandRecord::commandId);

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

    /** Those of the commands whose answer is still to relay, oldest first; one read by {@code _id}. */
    public List<PendingAnswer> pendingOf(Collection<String> commandIds) {
        if (commandIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(where("_id").in(commandIds)), CommandRecord.class).stream()
                .filter(CommandRecord::unpublished).sorted(OLDEST_FIRST).map(CommandRecord::pendingAnswer).toList();
    }

    /** Records that {@code sent} is on Kafka; false when it was queued again meanwhile (it is sent again). */
    public boolean markPublished(PendingAnswer sent) {
        return mongo.updateFirst(Query.query(where("pending").is(CommandRecord.pending(sent.commandId(), sent.sending()))),
                new Update().set("unpublished", false).unset("pending"), CommandRecord.class).getMatchedCount() == 1;
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
