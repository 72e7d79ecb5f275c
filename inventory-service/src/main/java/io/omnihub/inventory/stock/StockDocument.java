package io.omnihub.inventory.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/**
 * The stored document of a {@link StockLevel}, built field by field: what Spring Data's mapping writes for it (fields
 * by name, {@code _id}, instants as BSON dates, null fields left out), less the type hint, the {@code digest} field
 * (the token carries it) and empty lists (read back as empty), plus the write's {@code token}. Built by hand because the
 * mapping (reflection, conversions looked up per value) cost the service about a quarter of its CPU per applied pair;
 * reading stays with the mapping, which takes these documents as its own (StockDocumentTests).
 */
final class StockDocument {

    private StockDocument() {
    }

    /** The whole document of {@code level}, carrying {@code token}. */
    static Document of(StockLevel level, String token) {
        Document document = new Document();
        put(document, "_id", level.id());
        put(document, "storeId", level.storeId());
        put(document, "ean", level.ean());
        document.put("onHand", level.onHand());
        put(document, "asOf", date(level.asOf()));
        put(document, "sequence", level.sequence());
        if (level.source() != null) {
            document.put("source", withoutNulls(new Document()).with("importId", level.source().importId())
                    .with("row", level.source().row()).document);
        }
        list(document, "consumptions", level.consumptions(), c -> withoutNulls(new Document())
                .with("reference", c.reference()).with("quantity", c.quantity()).with("at", date(c.at())).document);
        list(document, "restocks", level.restocks(), r -> withoutNulls(new Document())
                .with("reference", r.reference()).with("quantity", r.quantity()).with("at", date(r.at())).document);
        list(document, "holds", level.holds(), h -> withoutNulls(new Document())
                .with("fulfillmentId", h.fulfillmentId()).with("quantity", h.quantity()).with("since", date(h.since()))
                .document);
        document.put("reserved", level.reserved());
        document.put("safetyStock", level.safetyStock());
        document.put("available", level.available());
        document.put("version", level.version());
        list(document, "snapshots", level.snapshots(), snapshot -> snapshot);
        list(document, "snapshotRows", level.snapshotRows(), rows -> withoutNulls(new Document())
                .with("snapshotId", rows.snapshotId()).with("rows", new ArrayList<>(rows.rows())).document);
        if (level.drift() != null) {
            document.put("drift", withoutNulls(new Document()).with("snapshotId", level.drift().snapshotId())
                    .with("expected", level.drift().expected()).with("reported", level.drift().reported()).document);
        }
        list(document, "commands", level.commands(), c -> withoutNulls(new Document())
                .with("commandId", c.commandId()).with("quantity", c.quantity()).document);
        document.put("revision", level.revision());
        put(document, "updatedAt", date(level.updatedAt()));
        put(document, "correlationId", level.correlationId());
        document.put(StockStore.TOKEN, token);
        return document;
    }

    private static <T> void list(Document document, String name, List<T> values, Function<? super T, ?> element) {
        if (values.isEmpty()) {
            return;
        }
        List<Object> elements = new ArrayList<>(values.size());
        for (T value : values) {
            elements.add(element.apply(value));
        }
        document.put(name, elements);
    }

    private static void put(Document document, String name, Object value) {
        if (value != null) {
            document.put(name, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : new Date(instant.toEpochMilli());
    }

    private static Fields withoutNulls(Document document) {
        return new Fields(document);
    }

    /** A nested document's fields, null ones left out as the mapping leaves them out. */
    private record Fields(Document document) {

        Fields with(String name, Object value) {
            put(document, name, value);
            return this;
        }
    }
}
