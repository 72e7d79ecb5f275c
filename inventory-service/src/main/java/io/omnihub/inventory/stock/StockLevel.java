package io.omnihub.inventory.stock;

import io.omnihub.inventory.availability.AvailabilityPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stock of one EAN at one store, and its availability outbox: one document, so that a figure or a
 * reservation, the available-to-promise it gives and the event that announces it are stored by one write.
 *
 * <p>Every change is computed here from the stored state, then written conditionally on {@code revision}
 * (see {@link StockStore}); the methods answer empty when nothing would change, so a redelivered event or
 * command writes nothing.
 *
 * @param sequence         {@link ReportSequence#key()} of the figure applied (or, after a full snapshot or a store
 *                         set the pair to zero, {@link ReportSequence#asOfKey} of that as-of)
 * @param source           the import the figure came from; row 0 when the pair was absent from that snapshot
 * @param consumptions     units taken by omni orders after {@code asOf}, not yet in the ERP's figure
 * @param restocks         units returned in the store after {@code asOf}, not yet in the ERP's figure
 * @param holds            units held by active reservations, per fulfilment; {@code reserved} is their sum
 * @param reserved         units held by active reservations
 * @param safetyStock      the safety stock {@code available} was computed with
 * @param version          grows whenever onHand, reserved or available change: the availability's version, each
 *                         one announced on {@code inventory.availability} through the outbox
 *                         ({@link AvailabilityOutbox}: an entry per bulk write, no mark on the pair)
 * @param snapshots        the latest full snapshots the pair was present in, applied or not
 * @param snapshotRows     the rows of those snapshots that reported the pair: how a snapshot counts its rows
 * @param drift            what omnihub expected and the ERP reported at the last full snapshot that set the pair
 * @param commands         the latest order commands that changed the pair, with their effect: a command
 *                         redelivered after a crash changes nothing and is answered as the first time
 * @param digest           a digest of the content (every field but the outbox marks, revision and updatedAt),
 *                         checked on each read and part of the write's condition: a server that returns a torn
 *                         document (new revision, older fields) is caught, never written back. Stored at the end of
 *                         the write's {@code token} only ({@link StockStore#level} reads it back from there)
 * @param revision         grows with every write
 * @param correlationId    the correlation id of what caused {@code version} (a figure's record, a command, a
 *                         snapshot's marker): its availability event carries it, whenever and by whichever thread
 *                         it is relayed; not part of the digest (bookkeeping, like the outbox marks)
 */
@Document("stock")
@CompoundIndex(name = "store_ean", def = "{'storeId': 1, 'ean': 1}")
@CompoundIndex(name = "ean_store", def = "{'ean': 1, 'storeId': 1}")
record StockLevel(@Id String id, String storeId, String ean, long onHand, Instant asOf, String sequence,
        Source source, List<Consumption> consumptions, List<Restock> restocks, List<Hold> holds, long reserved,
        long safetyStock, long available, long version, List<String> snapshots, List<SnapshotRows> snapshotRows, Drift drift, List<AppliedCommand> commands,
        String digest, long revision, Instant updatedAt, String correlationId) {

    /** How many snapshots a pair remembers: more than can overlap, few enough to keep the document small. */
    static final int REMEMBERED_SNAPSHOTS = 8;
    /**
     * How many commands a pair remembers. A command is redelivered only when its handling was cut short (crash,
     * rebalance), before it was recorded as done; by then far fewer commands than this have touched the pair.
     */
    static final int REMEMBERED_COMMANDS = 128;

    StockLevel {
        consumptions = consumptions == null ? List.of() : List.copyOf(consumptions);
        restocks = restocks == null ? List.of() : List.copyOf(restocks);
        holds = holds == null ? List.of() : List.copyOf(holds);
        snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
        snapshotRows = snapshotRows == null ? List.of() : List.copyOf(snapshotRows);
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** Where a figure came from. */
    record Source(String importId, long row) {

        /** What {@code append(source)} appends (the record's text, as digests were made), without its reflection. */
        static StringBuilder append(StringBuilder text, Source source) {
            if (source == null) {
                return text.append("null");
            }
            return text.append("Source[importId=").append(source.importId).append(", row=").append(source.row)
                    .append(']');
        }
    }

    /** Units a fulfilment holds at this store. */
    record Hold(String fulfillmentId, long quantity, Instant since) {
    }

    /** Units returned in store at {@code at}, back on the shelf until a later ERP figure counts them. */
    record Restock(String reference, long quantity, Instant at) {
    }

    /** The rows of one full snapshot that reported this pair (normally one). */
    record SnapshotRows(String snapshotId, List<Long> rows) {
    }

    /**
     * A full snapshot's figure against what omnihub expected at its as-of: the figure before it, less what
     * orders consumed and plus what was returned until then.
     */
    record Drift(String snapshotId, long expected, long reported) {

        long difference() {
            return reported - expected;
        }
    }

    /** A command that changed the pair, and how many units it moved here (what its answer reports). */
    record AppliedCommand(String commandId, long quantity) {
    }

    /** The outcome of a reservation of one line: held (now, or by this command before), or short. */
    record HoldAttempt(Optional<StockLevel> next, boolean held, long available) {
    }

    static String id(String storeId, String ean) {
        return storeId + ":" + ean;
    }

    /** A pair the ERP never reported: not stored ({@code revision} 0). */
    static StockLevel absent(String storeId, String ean) {
        return new StockLevel(id(storeId, ean), storeId, ean, 0, null, null, null, List.of(), List.of(), List.of(),
                0, 0, 0, 0, List.of(), List.of(), null, List.of(), null, 0, null, null);
    }

    boolean isStored() {
        return revision > 0;
    }

    /**
     * Whether the document read is one state, not a mix of two: its fields give its digest. (mongo-java-server's
     * H2 backend, the embedded stack's, was seen to answer a document with the revision of one write and fields
     * of the one before, under concurrent writes.) A document stored without a digest is taken as it is.
     */
    boolean isWhole() {
        return digest == null || digest.equals(contentDigest());
    }

    /** The content's digest; instants to the millisecond, as BSON stores them. */
    String contentDigest() {
        StringBuilder content = new StringBuilder(256).append(id).append('|').append(onHand).append('|')
                .append(millis(asOf)).append('|').append(sequence).append('|');
        Source.append(content, source).append('|');
        consumptions.forEach(c -> content.append(c.reference()).append(',').append(c.quantity()).append(',')
                .append(millis(c.at())).append(';'));
        content.append('|');
        restocks.forEach(r -> content.append(r.reference()).append(',').append(r.quantity()).append(',')
                .append(millis(r.at())).append(';'));
        content.append('|');
        holds.forEach(h -> content.append(h.fulfillmentId()).append(',').append(h.quantity()).append(',')
                .append(millis(h.since())).append(';'));
        content.append('|').append(reserved).append('|').append(safetyStock).append('|').append(available).append('|')
                .append(version).append('|').append(snapshots).append('|').append(snapshotRows).append('|')
                .append(drift).append('|').append(commands);
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** Units consumed by omni orders after the as-of of the ERP's figure. */
    long consumedAfterAsOf() {
        return asOf == null ? 0 : consumedAfter(consumptions, asOf);
    }

    /** Units returned in store after the as-of of the ERP's figure. */
    long returnedAfterAsOf() {
        return asOf == null ? 0 : returnedAfter(restocks, asOf);
    }

    /** Units the fulfilment holds here. */
    long heldBy(String fulfillmentId) {
        return holds.stream().filter(hold -> hold.fulfillmentId().equals(fulfillmentId))
                .mapToLong(Hold::quantity).sum();
    }

    /** The effect this command had here, if it changed the pair. */
    Optional<AppliedCommand> applied(String commandId) {
        return commands.stream().filter(command -> command.commandId().equals(commandId)).findFirst();
    }

    /**
     * Applies the ERP's figure if it is newer than the one applied; remembers, either way, that the pair was
     * present in the figure's snapshot (a pair present with a stale figure must not be zeroed as absent), and
     * the row, so the snapshot can count its rows. Holds stay: a figure never wipes out units promised online.
     */
    Optional<StockLevel> report(StockReport report, AvailabilityPolicy policy, Instant now) {
        if (!storeId.equals(report.storeId()) || !ean.equals(report.ean())) {
            throw new IllegalArgumentException("a figure of " + id(report.storeId(), report.ean())
                    + " cannot change " + id);
        }
        String key = report.sequence().key();
        boolean newer = sequence == null || key.compareTo(sequence) > 0;
        Next next = next();
        next.snapshots = remember(report.snapshotId());
        next.snapshotRows = rememberRow(next.snapshots, report.snapshotId(), report.row());
        if (!newer) {
            return next.snapshots.equals(snapshots) && next.snapshotRows.equals(snapshotRows) ? Optional.empty()
                    : Optional.of(next.build(policy, now));
        }
        if (report.snapshotId() != null && isStored()) {
            next.drift = new Drift(report.snapshotId(), expectedAt(report.asOf()), report.quantity());
        }
        next.asOf(report.asOf(), key);
        next.onHand = report.quantity();
        next.source = new Source(report.importId(), report.row());
        return Optional.of(next.build(policy, now));
    }

    /**
     * Applies the pair's figures of one batch in the order they came, as many writes one after the other would:
     * the newest figure ends up applied and every FULL figure, stale or not, counts for its snapshot. Empty when
     * none of them changes anything.
     */
    Optional<StockLevel> reportAll(List<StockReport> reports, AvailabilityPolicy policy, Instant now) {
        StockLevel level = this;
        boolean changed = false;
        for (StockReport report : reports) {
            StockLevel before = level;
            Optional<StockLevel> next = level.report(report, policy, now)
                    .map(after -> after.causedBy(before, report.correlationId()));
            if (next.isPresent()) {
                // as stored: the next figure sees a stored pair (its drift, its version), as after a real write
                level = next.get().withRevision(level.revision + 1);
                changed = true;
            }
        }
        return changed ? Optional.of(level) : Optional.empty();
    }

    /**
     * Sets the pair to zero at the snapshot's as-of when its store is one the snapshot is the complete stock
     * of, the pair was not in it, and its figure is older than the snapshot. Empty otherwise, and when it has
     * been done already: zeroing twice is harmless. Holds stay.
     */
    Optional<StockLevel> zeroedAbsentFrom(SnapshotMarker snapshot, AvailabilityPolicy policy, Instant now) {
        String snapshotKey = ReportSequence.asOfKey(snapshot.asOf());
        if (!isStored() || !snapshot.storeIds().contains(storeId) || snapshots.contains(snapshot.snapshotId())
                || sequence.compareTo(snapshotKey) >= 0) {
            return Optional.empty();
        }
        Next next = next();
        next.drift = new Drift(snapshot.snapshotId(), expectedAt(snapshot.asOf()), 0);
        next.asOf(snapshot.asOf(), snapshotKey);
        next.onHand = 0;
        next.source = new Source(snapshot.importId(), 0);
        return Optional.of(next.build(policy, now));
    }

    /** Computes the availability again, e.g. after the safety stock was reconfigured. */
    Optional<StockLevel> recalculated(AvailabilityPolicy policy, Instant now) {
        if (!isStored() || (safetyStock == policy.safetyStock(storeId, ean) && available == availableBy(policy))) {
            return Optional.empty();
        }
        return Optional.of(next().build(policy, now));
    }

    /**
     * Holds {@code quantity} units for the fulfilment if that many are available now, counted on this very
     * state: the write that stores the hold is conditional on it, so two orders never both get the last unit.
     * A command that holds here already is held (its redelivery adds nothing).
     */
    HoldAttempt hold(String commandId, String fulfillmentId, long quantity, Instant since, AvailabilityPolicy policy,
            Instant now) {
        if (applied(commandId).isPresent()) {
            return new HoldAttempt(Optional.empty(), applied(undo(commandId)).isEmpty(), availableBy(policy));
        }
        long availableNow = isStored() ? availableBy(policy) : 0;
        if (!isStored() || !policy.canHold(availableNow, quantity)) {
            return new HoldAttempt(Optional.empty(), false, availableNow);
        }
        Next next = next();
        List<Hold> held = new ArrayList<>(holds);
        held.removeIf(hold -> hold.fulfillmentId().equals(fulfillmentId));
        held.add(new Hold(fulfillmentId, heldBy(fulfillmentId) + quantity, since));
        next.holds = held;
        next.remember(new AppliedCommand(commandId, quantity));
        StockLevel written = next.build(policy, now);
        return new HoldAttempt(Optional.of(written), true, written.available());
    }

    /** The key under which the compensation of a reservation's line is remembered. */
    static String undo(String commandId) {
        return commandId + ":undo";
    }

    /**
     * Gives back up to {@code quantity} of the units the fulfilment holds; empty when it holds none or the
     * command was applied here already. {@link #releasedBy} then tells how many the command released.
     */
    Optional<StockLevel> released(String commandId, String fulfillmentId, long quantity, AvailabilityPolicy policy,
            Instant now) {
        long released = Math.min(quantity, heldBy(fulfillmentId));
        if (applied(commandId).isPresent() || released <= 0) {
            return Optional.empty();
        }
        Next next = next();
        next.holds = withoutUnits(fulfillmentId, released);
        next.remember(new AppliedCommand(commandId, released));
        return Optional.of(next.build(policy, now));
    }

    /** Units the command released here (0 when it released none). */
    long releasedBy(String commandId) {
        return applied(commandId).map(AppliedCommand::quantity).orElse(0L);
    }

    /**
     * The units left the store at {@code at}: the fulfilment's hold of them ends and they count as consumed
     * until an ERP figure as of a later time includes them. All the units count, held or not: they left.
     */
    Optional<StockLevel> consumed(String commandId, String fulfillmentId, long quantity, Instant at,
            AvailabilityPolicy policy, Instant now) {
        if (applied(commandId).isPresent()) {
            return Optional.empty();
        }
        long held = Math.min(quantity, heldBy(fulfillmentId));
        boolean afterFigure = asOf != null && at.isAfter(asOf);
        if (held == 0 && !afterFigure) {
            return Optional.empty();
        }
        Next next = next();
        next.holds = withoutUnits(fulfillmentId, held);
        if (afterFigure) {
            List<Consumption> consumed = new ArrayList<>(consumptions);
            consumed.add(new Consumption(commandId, quantity, at));
            next.consumptions = consumed;
        }
        next.remember(new AppliedCommand(commandId, quantity));
        return Optional.of(next.build(policy, now));
    }

    /** Units returned in the store at {@code at} are on hand again until an ERP figure as of later counts them. */
    Optional<StockLevel> restocked(String commandId, long quantity, Instant at, AvailabilityPolicy policy,
            Instant now) {
        if (!isStored() || applied(commandId).isPresent() || !at.isAfter(asOf)) {
            return Optional.empty();
        }
        Next next = next();
        List<Restock> returned = new ArrayList<>(restocks);
        returned.add(new Restock(commandId, quantity, at));
        next.restocks = returned;
        next.remember(new AppliedCommand(commandId, quantity));
        return Optional.of(next.build(policy, now));
    }

    /**
     * The store found none on the shelf at {@code at}: on hand is zero as of then, unless the ERP has a figure as
     * of that time or later. Holds stay (they are released by their own commands).
     */
    Optional<StockLevel> outOfStock(String reference, Instant at, AvailabilityPolicy policy, Instant now) {
        String key = ReportSequence.asOfKey(at);
        if (!isStored() || sequence.compareTo(key) >= 0) {
            return Optional.empty();
        }
        Next next = next();
        next.asOf(at, key);
        next.onHand = 0;
        next.source = new Source(reference, 0);
        return Optional.of(next.build(policy, now));
    }

    /**
     * This next state of {@code before}, its new version (if it has one) announced under {@code correlationId}:
     * the availability event of a version carries the correlation id of the change that made it.
     */
    StockLevel causedBy(StockLevel before, String correlationId) {
        if (version == before.version) {
            return this;
        }
        Next next = next();
        next.correlationId = correlationId;
        return next.build();
    }

    /** The same state at another revision: the digest leaves the revision out, so a state that has one keeps it. */
    StockLevel withRevision(long revision) {
        if (digest == null) {
            Next next = next();
            next.revision = revision;
            return next.build();
        }
        return new StockLevel(id, storeId, ean, onHand, asOf, sequence, source, consumptions, restocks, holds, reserved,
                safetyStock, available, version, snapshots, snapshotRows, drift, commands, digest, revision, updatedAt,
                correlationId);
    }

    /**
     * What omnihub expects the ERP to count at {@code at}: its figure, less what orders consumed and plus what
     * was returned between the figure's as-of and then.
     */
    private long expectedAt(Instant at) {
        Predicate<Instant> between = time -> time.isAfter(asOf) && !time.isAfter(at);
        long consumed = consumptions.stream().filter(c -> between.test(c.at())).mapToLong(Consumption::quantity).sum();
        long returned = restocks.stream().filter(r -> between.test(r.at())).mapToLong(Restock::quantity).sum();
        return onHand - consumed + returned;
    }

    private List<Hold> withoutUnits(String fulfillmentId, long units) {
        List<Hold> held = new ArrayList<>();
        for (Hold hold : holds) {
            if (!hold.fulfillmentId().equals(fulfillmentId)) {
                held.add(hold);
            } else if (hold.quantity() > units) {
                held.add(new Hold(fulfillmentId, hold.quantity() - units, hold.since()));
            }
        }
        return held;
    }

    private long availableBy(AvailabilityPolicy policy) {
        return policy.available(storeId, ean, onHand, consumedAfterAsOf(), returnedAfterAsOf(), reserved);
    }

    private static long consumedAfter(List<Consumption> consumptions, Instant asOf) {
        return consumptions.stream().filter(consumption -> consumption.at().isAfter(asOf))
                .mapToLong(Consumption::quantity).sum();
    }

    private static long returnedAfter(List<Restock> restocks, Instant asOf) {
        return restocks.stream().filter(restock -> restock.at().isAfter(asOf)).mapToLong(Restock::quantity).sum();
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

    private List<SnapshotRows> rememberRow(List<String> remembered, String snapshotId, long row) {
        if (snapshotId == null) {
            return snapshotRows;
        }
        List<SnapshotRows> rows = new ArrayList<>();
        boolean found = false;
        for (SnapshotRows entry : snapshotRows) {
            if (!remembered.contains(entry.snapshotId())) {
                continue;
            }
            if (entry.snapshotId().equals(snapshotId)) {
                found = true;
                if (!entry.rows().contains(row)) {
                    List<Long> more = new ArrayList<>(entry.rows());
                    more.add(row);
                    entry = new SnapshotRows(snapshotId, List.copyOf(more));
                }
            }
            rows.add(entry);
        }
        if (!found) {
            rows.add(new SnapshotRows(snapshotId, List.of(row)));
        }
        return List.copyOf(rows);
    }

    private Next next() {
        return new Next(this);
    }

    /** The next state, field by field; {@link #build} computes its availability and version. */
    private static final class Next {

        private final StockLevel current;
        long onHand;
        Instant asOf;
        String sequence;
        Source source;
        List<Consumption> consumptions;
        List<Restock> restocks;
        List<Hold> holds;
        List<String> snapshots;
        List<SnapshotRows> snapshotRows;
        Drift drift;
        List<AppliedCommand> commands;
        long revision;
        String correlationId;

        Next(StockLevel current) {
            this.current = current;
            onHand = current.onHand;
            asOf = current.asOf;
            sequence = current.sequence;
            source = current.source;
            consumptions = current.consumptions;
            restocks = current.restocks;
            holds = current.holds;
            snapshots = current.snapshots;
            snapshotRows = current.snapshotRows;
            drift = current.drift;
            commands = current.commands;
            revision = current.revision;
            correlationId = current.correlationId;
        }

        /** A figure as of {@code newAsOf} already includes what orders consumed and returned until then. */
        void asOf(Instant newAsOf, String newSequence) {
            asOf = newAsOf;
            sequence = newSequence;
            consumptions = consumptions.stream().filter(consumption -> consumption.at().isAfter(newAsOf)).toList();
            restocks = restocks.stream().filter(restock -> restock.at().isAfter(newAsOf)).toList();
        }

        void remember(AppliedCommand command) {
            List<AppliedCommand> remembered = new ArrayList<>(commands);
            remembered.add(command);
            commands = List.copyOf(remembered.subList(Math.max(0, remembered.size() - REMEMBERED_COMMANDS),
                    remembered.size()));
        }

        /** The same state with other bookkeeping fields: availability, version and outbox as they are. */
        StockLevel build() {
            StockLevel c = current;
            return withDigest(new StockLevel(c.id, c.storeId, c.ean, onHand, asOf, sequence, source, consumptions,
                    restocks, holds, c.reserved, c.safetyStock, c.available, c.version, snapshots, snapshotRows,
                    drift, commands, null, revision, c.updatedAt, correlationId));
        }

        /** The next state with its availability computed again and, when that moved, a new version to announce. */
        StockLevel build(AvailabilityPolicy policy, Instant now) {
            StockLevel c = current;
            long newReserved = holds.stream().mapToLong(Hold::quantity).sum();
            long newSafetyStock = policy.safetyStock(c.storeId, c.ean);
            long newAvailable = asOf == null ? 0 : policy.available(c.storeId, c.ean, onHand,
                    consumedAfter(consumptions, asOf), returnedAfter(restocks, asOf), newReserved);
            // the availability's version moves only when what AvailabilityChanged says about stock moves: a figure
            // that confirms the same quantity later on is stored, but announces nothing new
            boolean changed = !c.isStored() || onHand != c.onHand || newReserved != c.reserved
                    || newAvailable != c.available;
            long newVersion = changed ? c.version + 1 : c.version;
            return withDigest(new StockLevel(c.id, c.storeId, c.ean, onHand, asOf, sequence, source, consumptions,
                    restocks, holds, newReserved, newSafetyStock, newAvailable, newVersion, snapshots, snapshotRows,
                    drift, commands, null, revision, now, correlationId));
        }

        private static StockLevel withDigest(StockLevel l) {
            return new StockLevel(l.id, l.storeId, l.ean, l.onHand, l.asOf, l.sequence, l.source, l.consumptions,
                    l.restocks, l.holds, l.reserved, l.safetyStock, l.available, l.version, l.snapshots,
                    l.snapshotRows, l.drift, l.commands, l.contentDigest(), l.revision, l.updatedAt, l.correlationId);
        }
    }
}
