package io.omnihub.inventory.stock;

import io.omnihub.inventory.availability.AvailabilityPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stock of one EAN at one store, and its availability outbox: one document, so that a figure, the
 * available-to-promise it gives and the event that announces it are stored by one write.
 *
 * <p>Every change is computed here from the stored state, then written conditionally on {@code revision}
 * (see {@link StockStore}); the methods answer empty when nothing would change, so a redelivered event writes
 * nothing.
 *
 * @param sequence         {@link ReportSequence#key()} of the figure applied (or, after a full snapshot set
 *                         the pair to zero, {@link ReportSequence#asOfKey} of the snapshot's as-of)
 * @param source           the import the figure came from; row 0 when the pair was absent from that snapshot
 * @param consumptions     units taken by omni orders after {@code asOf}, not yet in the ERP's figure
 * @param reserved         units held by active reservations
 * @param safetyStock      the safety stock {@code available} was computed with
 * @param version          grows whenever onHand, reserved or available change: the availability's version
 * @param publishedVersion the highest version relayed to {@code inventory.availability}
 * @param unpublished      {@code version > publishedVersion}, kept as a field so the relay finds its work by index
 * @param snapshots        the latest full snapshots the pair was present in, applied or not
 * @param revision         grows with every write; the condition of the next one
 */
@Document("stock")
@CompoundIndex(name = "store_ean", def = "{'storeId': 1, 'ean': 1}")
@CompoundIndex(name = "ean_store", def = "{'ean': 1, 'storeId': 1}")
@CompoundIndex(name = "outbox", def = "{'unpublished': 1, 'updatedAt': 1}")
record StockLevel(@Id String id, String storeId, String ean, long onHand, Instant asOf, String sequence,
        Source source, List<Consumption> consumptions, long reserved, long safetyStock, long available,
        long version, long publishedVersion, boolean unpublished, List<String> snapshots, long revision,
        Instant updatedAt) {

    /** How many snapshots a pair remembers: more than can overlap, few enough to keep the document small. */
    static final int REMEMBERED_SNAPSHOTS = 8;

    StockLevel {
        consumptions = consumptions == null ? List.of() : List.copyOf(consumptions);
        snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
    }

    /** Where a figure came from. */
    record Source(String importId, long row) {
    }

    static String id(String storeId, String ean) {
        return storeId + ":" + ean;
    }

    /** A pair the ERP never reported: not stored ({@code revision} 0). */
    static StockLevel absent(String storeId, String ean) {
        return new StockLevel(id(storeId, ean), storeId, ean, 0, null, null, null, List.of(), 0, 0, 0, 0, 0, false,
                List.of(), 0, null);
    }

    boolean isStored() {
        return revision > 0;
    }

    /** Units consumed by omni orders after the as-of of the ERP's figure. */
    long consumedAfterAsOf() {
        return asOf == null ? 0 : consumedAfter(consumptions, asOf);
    }

    /**
     * Applies the ERP's figure if it is newer than the one applied; remembers, either way, that the pair was
     * present in the figure's snapshot (a pair present with a stale figure must not be zeroed as absent).
     */
    Optional<StockLevel> report(StockReport report, AvailabilityPolicy policy, Instant now) {
        if (!storeId.equals(report.storeId()) || !ean.equals(report.ean())) {
            throw new IllegalArgumentException("a figure of " + id(report.storeId(), report.ean())
                    + " cannot change " + id);
        }
        String key = report.sequence().key();
        boolean newer = sequence == null || key.compareTo(sequence) > 0;
        List<String> remembered = remember(report.snapshotId());
        if (!newer) {
            return remembered.equals(snapshots) ? Optional.empty()
                    : Optional.of(with(onHand, reserved, asOf, sequence, source, consumptions, remembered, policy,
                            now));
        }
        return Optional.of(with(report.quantity(), reserved, report.asOf(), key,
                new Source(report.importId(), report.row()), consumptionsAfter(report.asOf()), remembered, policy,
                now));
    }

    /**
     * Sets the pair to zero at the snapshot's as-of when its store is one the snapshot is the complete stock
     * of, the pair was not in it, and its figure is older than the snapshot. Empty otherwise, and when it has
     * been done already: zeroing twice is harmless.
     */
    Optional<StockLevel> zeroedAbsentFrom(SnapshotMarker snapshot, AvailabilityPolicy policy, Instant now) {
        String snapshotKey = ReportSequence.asOfKey(snapshot.asOf());
        if (!isStored() || !snapshot.storeIds().contains(storeId) || snapshots.contains(snapshot.snapshotId())
                || sequence.compareTo(snapshotKey) >= 0) {
            return Optional.empty();
        }
        return Optional.of(with(0, reserved, snapshot.asOf(), snapshotKey, new Source(snapshot.importId(), 0),
                consumptionsAfter(snapshot.asOf()), snapshots, policy, now));
    }

    /** Computes the availability again, e.g. after the safety stock was reconfigured. */
    Optional<StockLevel> recalculated(AvailabilityPolicy policy, Instant now) {
        if (!isStored() || (safetyStock == policy.safetyStock(storeId, ean) && available == availableBy(policy))) {
            return Optional.empty();
        }
        return Optional.of(with(onHand, reserved, asOf, sequence, source, consumptions, snapshots, policy, now));
    }

    StockLevel withRevision(long revision) {
        return new StockLevel(id, storeId, ean, onHand, asOf, sequence, source, consumptions, reserved, safetyStock,
                available, version, publishedVersion, unpublished, snapshots, revision, updatedAt);
    }

    /**
     * The next state, its availability computed again; {@code newReserved} is the seam for reservations, which
     * change it the same way figures change {@code onHand}.
     */
    private StockLevel with(long newOnHand, long newReserved, Instant newAsOf, String newSequence, Source newSource,
            List<Consumption> newConsumptions, List<String> newSnapshots, AvailabilityPolicy policy, Instant now) {
        long newSafetyStock = policy.safetyStock(storeId, ean);
        long newAvailable = policy.available(storeId, ean, newOnHand, consumedAfter(newConsumptions, newAsOf),
                newReserved);
        // the availability's version moves only when what AvailabilityChanged says about stock moves: a figure
        // that confirms the same quantity later on is stored, but announces nothing new
        boolean changed = !isStored() || newOnHand != onHand || newReserved != reserved || newAvailable != available;
        long newVersion = changed ? version + 1 : version;
        return new StockLevel(id, storeId, ean, newOnHand, newAsOf, newSequence, newSource, newConsumptions,
                newReserved, newSafetyStock, newAvailable, newVersion, publishedVersion, unpublished || changed,
                newSnapshots, revision, now);
    }

    private long availableBy(AvailabilityPolicy policy) {
        return policy.available(storeId, ean, onHand, consumedAfterAsOf(), reserved);
    }

    /** A figure as of {@code newAsOf} already includes what orders consumed until then: those are let go. */
    private List<Consumption> consumptionsAfter(Instant newAsOf) {
        return consumptions.stream().filter(consumption -> consumption.at().isAfter(newAsOf)).toList();
    }

    private static long consumedAfter(List<Consumption> consumptions, Instant asOf) {
        return consumptions.stream().filter(consumption -> consumption.at().isAfter(asOf))
                .mapToLong(Consumption::quantity).sum();
    }

    private List<String> remember(String snapshotId) {
        if (snapshotId == null || snapshots.contains(snapshotId)) {
            return snapshots;
        }
        List<String> remembered = new ArrayList<>(snapshots);
        remembered.add(snapshotId);
        return List.copyOf(remembered.subList(Math.max(0, remembered.size() - REMEMBERED_SNAPSHOTS),
                remembered.size()));
    }
}
