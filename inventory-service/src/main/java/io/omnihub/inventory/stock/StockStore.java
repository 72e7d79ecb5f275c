package io.omnihub.inventory.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stock documents changed by optimistic concurrency: read, compute the next state in {@link StockLevel}, write
 * it with ONE conditional write that matches only the state read (an insert for a new pair, which the unique
 * {@code _id} refuses if another writer was first). A lost race is retried on the fresh state. No lock, no
 * transaction: MongoDB guarantees single-document atomicity, which is all this needs.
 *
 * <p>Many pairs at once take one {@code _id $in} read and one unordered bulk write per round. The condition
 * of a write is {@code {_id, token}} ({@link WriteTokens}: each write gives the document a new token), served by
 * the {@code _id} index; {@code token} has no index of its own (an earlier version's is dropped at start).
 *
 * <p>The availability outbox: a bulk write that moves the availability of some pairs is preceded by ONE outbox
 * entry naming them ({@link AvailabilityOutbox}), and followed by handing the relay what it stored. So the stock
 * documents carry no outbox mark of their own (one index, {@code _id}), and a crash between the entry and the relay leaves the entry,
 * from which the pairs' stored availability is announced after the restart.
 */
@Component
class StockStore {

    static final int ATTEMPTS = 16;
    static final String COLLECTION = "stock";
    static final String TOKEN = "token";
    /** Stored only by earlier versions: the token ends with it. */
    private static final String DIGEST = "digest";
    /** The per-pair outbox mark of earlier versions (and its index): replaced by {@link AvailabilityOutbox}. */
    static final String LEGACY_PENDING = "pending";
    private static final String LEGACY_UNPUBLISHED = "unpublished";
    /** MongoDB's code for a duplicate key: here, an insert that lost to a concurrent one. */
    private static final int DUPLICATE_KEY = 11000;
    private static final int LEGACY_CHUNK = 500;
    /** Ids per {@code _id $in} read of stored pairs. */
    static final int READ_CHUNK = 50;

    private final MongoTemplate mongo;
    private final AvailabilityOutbox outbox;
    private final ApplicationEventPublisher events;
    /** Whether the last batch of figures found most of its pairs new: a first load, so the next inserts first. */
    private volatile boolean figuresMostlyNew;

    StockStore(MongoTemplate mongo, AvailabilityOutbox outbox, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
        dropTokenIndex();
        adoptLegacyOutbox();
    }

    /**
     * The unique {@code token} index of earlier versions goes: writes are conditioned on {@code {_id, token}}, which
     * the {@code _id} index serves (MongoDB, and the embedded one since it looks a query naming {@code _id} up by
     * that index), and a second unique index cost every write about five more B-tree operations (the lookup, the
     * position, the new key's duplicate check, the old key's removal and the new key's insertion).
     */
    private void dropTokenIndex() {
        var indexes = mongo.indexOps(COLLECTION);
        if (indexes.getIndexInfo().stream().anyMatch(index -> TOKEN.equals(index.getName()))) {
            // by its keys, not its name: the embedded MongoDB dropped an index of that name in every collection
            // (commands had one too)
            mongo.getCollection(COLLECTION).dropIndex(new Document(TOKEN, 1));
        }
    }

    /**
     * Pairs left unannounced by a version that marked them one by one ({@code unpublished}, {@code pending}) are
     * named in outbox entries, then unmarked, and that index dropped: before any writer runs (this is done while
     * the application starts, before the listeners), so no write can clear a mark whose version was not announced.
     * One scan, at start.
     */
    private void adoptLegacyOutbox() {
        Query legacy = Query.query(where(LEGACY_UNPUBLISHED).is(true));
        legacy.fields().include("_id");
        List<String> ids = mongo.find(legacy, Document.class, COLLECTION).stream().map(d -> d.getString("_id"))
                .toList();
        for (int from = 0; from < ids.size(); from += LEGACY_CHUNK) {
            outbox.store(outbox.entry(ids.subList(from, Math.min(ids.size(), from + LEGACY_CHUNK))));
        }
        if (!ids.isEmpty()) {
            mongo.updateMulti(legacy, new Update().unset(LEGACY_UNPUBLISHED).unset(LEGACY_PENDING)
                    .unset("publishedVersion"), COLLECTION);
        }
        var indexes = mongo.indexOps(COLLECTION);
        if (indexes.getIndexInfo().stream().anyMatch(index -> LEGACY_PENDING.equals(index.getName()))) {
            indexes.dropIndex(LEGACY_PENDING);
        }
    }

    /** The change of one pair: its next state from the stored one, or empty when nothing would change. */
    record PairChange(String storeId, String ean, Function<StockLevel, Optional<StockLevel>> change) {

        String id() {
            return StockLevel.id(storeId, ean);
        }
    }

    Optional<StockLevel> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StockLevel.class));
    }

    /**
     * Applies {@code change} to the pair's stored state (or to {@link StockLevel#absent} when none is stored)
     * and writes the result; answers it, or empty when the change had nothing to change.
     */
    Optional<StockLevel> change(String storeId, String ean, Function<StockLevel, Optional<StockLevel>> change) {
        var pair = new PairChange(storeId, ean, change);
        return Optional.ofNullable(changeAll(List.of(pair)).get(pair.id()));
    }

    /**
     * Applies each change to its pair's stored state and writes the results: one read and one bulk write per
     * round; a pair whose write lost to a concurrent writer (or whose read was torn) is decided again on its
     * fresh state in the next round. Answers the states written, by pair id (pairs that needed no change are
     * absent). At most one change per pair.
     *
     * @throws StockConflictException when some pairs were still contended after {@link #ATTEMPTS} rounds
     */
    Map<String, StockLevel> changeAll(Collection<PairChange> changes) {
        return changeAll(changes, false).written();
    }

    /**
     * As {@link #changeAll(Collection)}, for batches of figures: when the last batch found most of its pairs new
     * (a first load), the first round writes every pair as new without reading it ({@link FirstLoadPolicy}). A
     * batch of one pair is read first, and does not count as a batch.
     */
    Map<String, StockLevel> changeFigures(Collection<PairChange> changes) {
        if (changes.size() < 2) {
            // a lone figure (pushed, or redelivered) is read first, and tells nothing of a load
            return changeAll(changes);
        }
        Outcome outcome = changeAll(changes, figuresMostlyNew);
        figuresMostlyNew = FirstLoadPolicy.insertFirst(outcome.pairs(), outcome.found());
        return outcome.written();
    }

    /** Whether the next batch of figures is written as new pairs first (the last one found most pairs new). */
    boolean insertsFiguresFirst() {
        return figuresMostlyNew;
    }

    /**
     * With {@code insertFirst}, the first round reads nothing: each pair's change is computed on
     * {@link StockLevel#absent} and written as an insert, which the unique {@code _id} refuses for a pair that is
     * stored; the refused pairs (and those the change leaves alone when absent, which may be stored) are then read
     * and decided on their stored state like any pair that lost a race. So an insert that lands is exactly the
     * write the read would have led to (nothing was stored), and a refused one is never lost.
     */
    private Outcome changeAll(Collection<PairChange> changes, boolean insertFirst) {
        Map<String, PairChange> pending = new LinkedHashMap<>();
        for (PairChange change : changes) {
            if (pending.putIfAbsent(change.id(), change) != null) {
                throw new IllegalArgumentException("two changes of " + change.id() + " in one call");
            }
        }
        int pairs = pending.size();
        int found = -1;
        Map<String, StockLevel> written = new LinkedHashMap<>();
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            boolean blind = insertFirst && attempt == 1;
            Map<String, Stored> stored = blind ? Map.of() : read(pending.keySet());
            if (found < 0 && !blind) {
                found = stored.size();
            }
            List<Write> writes = new ArrayList<>();
            Iterator<PairChange> undecided = pending.values().iterator();
            while (undecided.hasNext()) {
                PairChange change = undecided.next();
                Stored current = stored.getOrDefault(change.id(),
                        new Stored(StockLevel.absent(change.storeId(), change.ean()), null));
                if (!current.isWhole()) {
                    // a torn read: computing on it would write back fields of an older state; read again
                    continue;
                }
                Optional<StockLevel> next = change.change().apply(current.level());
                if (next.isEmpty()) {
                    if (!blind) {
                        undecided.remove();
                    }
                    // blind: the pair may be stored, and the change may have something to do there; read it next
                    continue;
                }
                writes.add(new Write(current, next.get().withRevision(current.level().revision() + 1)));
            }
            for (Write landed : executeAnnounced(writes)) {
                pending.remove(landed.next().id());
                written.put(landed.next().id(), landed.next());
            }
            if (blind) {
                // the pairs left are those the unique _id refused, or not written blind: stored, as far as we know
                found = pending.size();
            }
        }
        if (!pending.isEmpty()) {
            throw new StockConflictException(String.join(", ", pending.keySet()), ATTEMPTS);
        }
        return new Outcome(written, pairs, Math.max(0, found));
    }

    /** The states written, by pair id; how many pairs the call changed, and how many of them it found stored. */
    private record Outcome(Map<String, StockLevel> written, int pairs, int found) {
    }

    /**
     * The stored documents of the pairs, in queries the {@code _id} index serves, {@value #READ_CHUNK} ids each: the
     * emulator checks every document it found against the whole {@code $in} list again, one id after the other, so
     * one query of a batch's 500 ids cost it 500 comparisons per document (a tenth of a stored pair's update).
     */
    private Map<String, Stored> read(Collection<String> ids) {
        Map<String, Stored> stored = new LinkedHashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += READ_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + READ_CHUNK));
            List<Document> documents = chunk.size() == 1
                    ? mongo.find(Query.query(where("_id").is(chunk.get(0))), Document.class, COLLECTION)
                    : mongo.find(Query.query(where("_id").in(chunk)), Document.class, COLLECTION);
            for (Document document : documents) {
                StockLevel level = level(mongo, document);
                stored.put(level.id(), new Stored(level, document));
            }
        }
        return stored;
    }

    /**
     * The bulk write, preceded by its outbox entry when it moves some pairs' availability and followed by handing
     * the relay what it stored. The relay hears of the entry before the write (and after the read it was computed
     * from), so it announces writes of one pair in the order they were made.
     */
    private List<Write> executeAnnounced(List<Write> writes) {
        List<String> moving = writes.stream().filter(Write::movesAvailability).map(write -> write.next().id())
                .toList();
        if (moving.isEmpty()) {
            return execute(writes);
        }
        AvailabilityOutbox.Entry entry = outbox.entry(moving);
        events.publishEvent(new AvailabilityOutboxOpened(entry.id()));
        List<Write> landed;
        try {
            outbox.store(entry);
            landed = execute(writes);
        } catch (RuntimeException | Error failed) {
            events.publishEvent(new AvailabilityWriteFailed(entry.id()));
            throw failed;
        }
        events.publishEvent(new AvailabilityPending(entry.id(), landed.stream().filter(Write::movesAvailability)
                .map(write -> PendingAvailability.of(write.next())).toList()));
        return landed;
    }

    /** One unordered bulk write; answers the writes that took effect (the others lost to another writer). */
    private List<Write> execute(List<Write> writes) {
        if (writes.isEmpty()) {
            return writes;
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
        int updates = 0;
        for (Write write : writes) {
            if (write.isInsert()) {
                bulk.insert(write.document());
            } else {
                bulk.replaceOne(write.condition(), write.replacement());
                updates++;
            }
        }
        Set<Integer> refused = new HashSet<>();
        BulkWriteResult result;
        try {
            result = bulk.execute();
        } catch (DataAccessException e) {
            MongoBulkWriteException failure = bulkFailure(e);
            if (failure == null || !failure.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
            failure.getWriteErrors().stream().map(BulkWriteError::getIndex).forEach(refused::add);
            result = failure.getWriteResult();
        }
        if (refused.isEmpty() && result.getMatchedCount() == updates) {
            return writes;
        }
        return landed(writes, refused);
    }

    /**
     * Which writes took effect, when some did not: inserts refused by the unique {@code _id} did not (the others
     * did), and a conditional update took effect if the document now carries the token it wrote.
     */
    private List<Write> landed(List<Write> writes, Set<Integer> refused) {
        List<String> updated = new ArrayList<>();
        for (int index = 0; index < writes.size(); index++) {
            if (!writes.get(index).isInsert() && !refused.contains(index)) {
                updated.add(writes.get(index).next().id());
            }
        }
        Map<Object, Object> stored = new LinkedHashMap<>();
        if (!updated.isEmpty()) {
            Query tokens = Query.query(where("_id").in(updated));
            tokens.fields().include(TOKEN);
            mongo.find(tokens, Document.class, COLLECTION).forEach(document -> stored.put(document.get("_id"),
                    document.get(TOKEN)));
        }
        List<Write> landed = new ArrayList<>();
        for (int index = 0; index < writes.size(); index++) {
            Write write = writes.get(index);
            if (refused.contains(index)) {
                continue;
            }
            if (write.isInsert() || write.token().equals(stored.get(write.next().id()))) {
                landed.add(write);
            }
        }
        return landed;
    }

    private static MongoBulkWriteException bulkFailure(DataAccessException e) {
        if (e instanceof BulkOperationException bulk && bulk.getCause() instanceof MongoBulkWriteException failure) {
            return failure;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException failure) {
                return failure;
            }
        }
        return null;
    }

    /**
     * The state of a stored document. Its digest is the one its token ends with when the document has no
     * {@code digest} field (written since the token carries it): so {@link StockLevel#isWhole} checks the fields read
     * against the digest of the write whose token was read, and a torn read (one write's token, another's fields) is
     * caught as before.
     */
    static StockLevel level(MongoTemplate mongo, Document document) {
        if (!document.containsKey(DIGEST) && document.get(TOKEN) instanceof String token) {
            String digest = WriteTokens.digestOf(token);
            if (digest != null) {
                document.put(DIGEST, digest);
            }
        }
        return StockDocument.level(document);
    }

    /** A state read, and the document it was read from (null when none was stored). */
    private record Stored(StockLevel level, Document document) {

        /** One state: its fields give its digest, and its token was written with that digest. */
        boolean isWhole() {
            return level.isWhole() && (document == null || !(document.get(TOKEN) instanceof String token)
                    || WriteTokens.carries(token, level.digest()));
        }
    }

    /** The write of {@code next} over {@code current}. */
    private final class Write {

        private final Stored current;
        private final StockLevel next;
        private final String token;

        Write(Stored current, StockLevel next) {
            this.current = current;
            this.next = next;
            this.token = WriteTokens.next(next.digest());
        }

        StockLevel next() {
            return next;
        }

        /** The token this write gives the document: the condition of the next write. */
        String token() {
            return token;
        }

        boolean isInsert() {
            return current.document() == null;
        }

        /** Whether the write gives the pair a new version of its availability, to announce. */
        boolean movesAvailability() {
            return next.version() != current.level().version();
        }

        /** The whole document of a new pair, with its token. */
        Document document() {
            return content();
        }

        /**
         * Only the state that was read: its {@code _id} and its token (served by the {@code _id} index, the token then
         * checked on the one document found); documents stored before tokens existed, field by field.
         */
        Query condition() {
            if (current.document().get(TOKEN) instanceof String token) {
                // as stored: documents written before the token's format changed carry the former one
                return Query.query(where("_id").is(current.level().id()).and(TOKEN).is(token));
            }
            return Query.query(where("_id").is(current.level().id()).and("revision").is(current.level().revision())
                    .and(DIGEST).is(current.level().digest()));
        }

        /**
         * The whole next document (a field the next state lacks is gone with the replacement). A replacement, not a
         * {@code $set} of every field: the emulator applies a {@code $set} field by field (splitting each path),
         * which cost it about a seventh of a stored pair's update; a replacement it takes as it is.
         */
        Document replacement() {
            Document replacement = content();
            replacement.remove("_id");
            return replacement;
        }

        /**
         * The document of the next state ({@link StockDocument}): without the type hint (one type lives here) and
         * without empty lists (read back as empty): the emulator serialises every field of a document it stores, so a
         * new pair's document costs by its number of fields.
         */
        private Document content() {
            return StockDocument.of(next, token);
        }
    }
}
