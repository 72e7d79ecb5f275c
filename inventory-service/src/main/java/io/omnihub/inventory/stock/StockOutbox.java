package io.omnihub.inventory.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The availability outbox kept on the stock documents: those whose {@code version} is ahead of their
 * {@code publishedVersion}, which carry {@code pending} = {@code <storeId>:<ean>@<version>} until it is marked
 * published. Whoever relays them to Kafka marks each one published afterwards, so a crash in between only means
 * the same version is sent again (consumers keep the highest version).
 *
 * <p>{@code pending} has a unique sparse index: only the pairs still to relay are in it, and a server that uses
 * an index only for a query on exactly its keys (the embedded one) finds them there instead of scanning every
 * pair, and marks each one by it.
 */
@Component
public class StockOutbox {

    /** Matches any value: the query the emulator answers from the sparse index's entries alone. */
    private static final Pattern ANY = Pattern.compile("^");

    private final MongoTemplate mongo;

    StockOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * What the stored outbox holds, oldest changes first (a pair's records reach Kafka in the order they were
     * stored): after a restart, or what another replica stored and did not relay.
     */
    public List<PendingAvailability> pending(int limit) {
        Query query = Query.query(where(StockStore.PENDING).regex(ANY)).with(Sort.by("updatedAt", "_id"))
                .limit(limit);
        // a torn read is left for the next pass: announcing it could send a version with an older one's figures
        return mongo.find(query, StockLevel.class).stream().filter(StockLevel::isWhole).map(PendingAvailability::of)
                .toList();
    }

    /**
     * Records that {@code sent} is on Kafka; answers false when the pair has changed since it was read (it stays
     * pending, and its newer version is relayed next).
     */
    public boolean markPublished(PendingAvailability sent) {
        return markPublished(List.of(sent)) == 1;
    }

    /**
     * Records that each of {@code sent} (at most one version per pair) is on Kafka; answers how many were still
     * pending at that version. The others stay pending at their newer version. One multi-document update per
     * distinct version ({@code pending $in [...]}, served by the index), not one update per pair: the emulator
     * takes its collection lock once per update statement, and a relay that queued for it 500 times per batch,
     * behind the listeners' bulk writes, fell far behind them.
     */
    public int markPublished(List<PendingAvailability> sent) {
        if (sent.isEmpty()) {
            return 0;
        }
        Map<Long, List<String>> keysByVersion = sent.stream().collect(Collectors.groupingBy(
                PendingAvailability::version, Collectors.mapping(StockOutbox::pendingKey, Collectors.toList())));
        long marked = 0;
        for (Map.Entry<Long, List<String>> version : keysByVersion.entrySet()) {
            Query stillPending = Query.query(where(StockStore.PENDING).in(version.getValue()));
            marked += mongo.updateMulti(stillPending, new Update().set("publishedVersion", version.getKey())
                    .set("unpublished", false).unset(StockStore.PENDING), StockStore.COLLECTION).getMatchedCount();
        }
        if (marked < sent.size()) {
            pendAgainIfOutrun(sent);
        }
        return (int) marked;
    }

    /**
     * Another relay (another replica) may have marked a newer version published before an older one reached
     * Kafka: that pair is pending again, so its newest version is sent once more and ends up last on the topic.
     */
    private void pendAgainIfOutrun(List<PendingAvailability> sent) {
        Map<String, PendingAvailability> byId = sent.stream().collect(Collectors.toMap(
                availability -> StockLevel.id(availability.storeId(), availability.ean()), Function.identity(),
                (first, second) -> first.version() <= second.version() ? first : second));
        for (Document document : mongo.find(Query.query(where("_id").in(byId.keySet())), Document.class,
                StockStore.COLLECTION)) {
            StockLevel level = mongo.getConverter().read(StockLevel.class, document);
            PendingAvailability older = byId.get(level.id());
            if (!level.unpublished() && level.version() > older.version() && document.containsKey(StockStore.TOKEN)) {
                mongo.updateFirst(Query.query(where(StockStore.TOKEN).is(level.token())),
                        new Update().set("unpublished", true).set(StockStore.PENDING, level.pendingKey()),
                        StockStore.COLLECTION);
            }
        }
    }

    /**
     * Puts in the outbox index the pairs left pending by a version that had no {@code pending} field yet; answers
     * how many. A scan, once at start.
     */
    public int adoptUnindexed() {
        Query unindexed = Query.query(where("unpublished").is(true).and(StockStore.PENDING).exists(false));
        int adopted = 0;
        for (StockLevel level : mongo.find(unindexed, StockLevel.class)) {
            adopted += (int) mongo.updateFirst(Query.query(where("_id").is(level.id()).and("version")
                    .is(level.version()).and(StockStore.PENDING).exists(false)),
                    new Update().set(StockStore.PENDING, level.pendingKey()), StockStore.COLLECTION)
                    .getModifiedCount();
        }
        return adopted;
    }

    private static String pendingKey(PendingAvailability availability) {
        return StockLevel.pendingKey(StockLevel.id(availability.storeId(), availability.ean()),
                availability.version());
    }
}
