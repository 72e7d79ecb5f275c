package io.omnihub.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A non-unique index on one field, which mongo-java-server does not have (it accepts the index and ignores it, so
 * every query on such a field read the whole collection: a sweep for the few orders still waiting decoded all of
 * them). The map holds one entry per document and value, {@code (value, _id)}, in MongoDB's value order; an element
 * of an array is a value of its own (a multikey index), an empty array is indexed as null, and a missing field as
 * null unless the index is sparse. It is stored with the documents, so it is kept across restarts and built from the
 * documents only when its map is empty (a data file from before it, or an index just created).
 *
 * <p>It serves the collection's queries through {@link #lookup}, never through the library's {@code canHandle}
 * (the library would then take it in preference to a unique index that fits the query exactly): a plain value,
 * {@code $eq} or {@code $in} of plain values, and {@code $gt}/{@code $gte}/{@code $lt}/{@code $lte} ranges of one
 * type, on the indexed field, beside any other conditions. It gives a superset of the matching documents (a range
 * includes its ends and may hold a value another operator excludes); the whole query is then matched on each of them.
 * A compound index stays as the library has it (ignored).
 */
final class SecondaryIndex extends Index<Object> {

    private static final String ID = "_id";
    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private final MVMap<KeyValue, Object> entries;
    private final String field;

    SecondaryIndex(MVMap<KeyValue, Object> entries, String name, IndexKey key, boolean sparse) {
        super(name, List.of(key), sparse);
        this.entries = entries;
        this.field = key.getKey();
    }

    /** The types of entries: {@code (value, _id)}, in MongoDB's order of values, then of ids. */
    static MVMap.Builder<KeyValue, Object> mapType() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new EntryType());
    }

    // ---- keeping it ---------------------------------------------------------------------------------------

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: any document may be added
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (Object value : values(document)) {
            entries.put(new KeyValue(value, position), Boolean.TRUE);
        }
    }

    /** Answers the document's id (its position), or null when a sparse index never held it. */
    @Override
    public Object remove(Document document) {
        Object id = document.get(ID);
        Set<Object> values = values(document);
        if (id == null || values.isEmpty()) {
            return null;
        }
        for (Object value : values) {
            entries.remove(new KeyValue(value, id));
        }
        return id;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: any change is allowed
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        Set<Object> before = values(oldDocument);
        Set<Object> after = values(newDocument);
        if (before.equals(after)) {
            return;
        }
        for (Object value : before) {
            if (!after.contains(value)) {
                entries.remove(new KeyValue(value, position));
            }
        }
        for (Object value : after) {
            if (!before.contains(value)) {
                entries.put(new KeyValue(value, position), Boolean.TRUE);
            }
        }
    }

    /** The document's values of the field as the index holds them (numbers normalised as the library does). */
    private Set<Object> values(Document document) {
        if (isSparse() && Utils.getSubdocumentValue(document, field) instanceof Missing) {
            return Collections.emptySet();
        }
        Set<Object> values = new LinkedHashSet<>();
        for (KeyValue key : getKeyValues(document)) {
            values.add(key.get(0));
        }
        if (values.isEmpty()) {
            values.add(null);
        }
        return values;
    }

    // ---- serving queries ----------------------------------------------------------------------------------

    /** Never to the library: it would prefer this index to a unique one that fits the query exactly. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("asked through lookup(query)");
    }

    /**
     * How this index would answer {@code query}: the ranges of values holding every match of its condition on the
     * field (at the top level or in a top-level {@code $and}); null when that condition is not one it serves.
     */
    Lookup lookup(Document query) {
        List<Range> ranges = ranges(condition(query));
        return ranges == null ? null : new Lookup(ranges);
    }

    /** A query's ranges in this index. */
    final class Lookup {

        private final List<Range> ranges;

        private Lookup(List<Range> ranges) {
            this.ranges = ranges;
        }

        /** Whether it asks for single values (closer than a range, when two indexes serve a query). */
        boolean isEquality() {
            return ranges.stream().allMatch(range -> range.to() != null && VALUES.compare(range.from(), range.to()) == 0);
        }

        /** The ids of a superset of the documents the query matches. */
        List<Object> positions() {
            Set<Object> positions = new LinkedHashSet<>();
            for (Range range : ranges) {
                Cursor<KeyValue, Object> cursor = entries.cursor(new KeyValue(range.from(), MinKey.getInstance()));
                while (cursor.hasNext()) {
                    KeyValue entry = cursor.next();
                    Object value = entry.get(0);
                    if (typeOf(value) != typeOf(range.from())
                            || range.to() != null && VALUES.compare(value, range.to()) > 0) {
                        break;
                    }
                    positions.add(entry.get(1));
                }
            }
            return new ArrayList<>(positions);
        }
    }

    private Object condition(Document query) {
        if (query.containsKey(field)) {
            return query.get(field);
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document condition && condition.containsKey(field)) {
                    return condition.get(field);
                }
            }
        }
        return null;
    }

    /** The ranges of values (ends included) holding every match of {@code condition}; null when not served. */
    private static List<Range> ranges(Object condition) {
        if (plain(condition)) {
            Object value = normalized(condition);
            return List.of(new Range(value, value));
        }
        if (!(condition instanceof Document operators) || operators.isEmpty()
                || BsonRegularExpression.isRegularExpression(condition)
                || !operators.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            return null;
        }
        // the operators of one field all hold: any one of them that is served bounds the matches
        if (plain(operators.get("$eq"))) {
            Object value = normalized(operators.get("$eq"));
            return List.of(new Range(value, value));
        }
        if (operators.get("$in") instanceof Collection<?> values && !values.isEmpty()
                && values.stream().allMatch(SecondaryIndex::plain)) {
            return values.stream().map(SecondaryIndex::normalized).distinct().map(value -> new Range(value, value))
                    .toList();
        }
        Object lower = bound(operators, "$gt", "$gte");
        Object upper = bound(operators, "$lt", "$lte");
        if (lower == null && upper == null) {
            return null;
        }
        Object type = lower != null ? lower : upper;
        if (lower != null && upper != null && typeOf(lower) != typeOf(upper) || lowest(type) == null) {
            return null;
        }
        return List.of(new Range(lower != null ? lower : lowest(type), upper));
    }

    private static Object bound(Document operators, String strict, String inclusive) {
        Object value = operators.containsKey(inclusive) ? operators.get(inclusive) : operators.get(strict);
        return plain(value) ? normalized(value) : null;
    }

    /** A value whose matches are values equal to it in the index's order (no null, array, document or pattern). */
    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Instant || value instanceof ObjectId;
    }

    /** The value as the library indexes it: numbers as doubles (negative zero as zero), longs doubles cannot hold. */
    private static Object normalized(Object value) {
        if (value instanceof Long whole && whole != (long) whole.doubleValue()) {
            return value;
        }
        if (value instanceof Number number) {
            double real = number.doubleValue();
            return real == -0.0 ? 0.0 : real;
        }
        return value;
    }

    /** Types as MongoDB orders them: a range never leaves its value's type (a date range holds no nulls). */
    private static int typeOf(Object value) {
        if (value instanceof Number) {
            return 1;
        }
        if (value instanceof String) {
            return 2;
        }
        if (value instanceof ObjectId) {
            return 3;
        }
        if (value instanceof Boolean) {
            return 4;
        }
        if (value instanceof Instant) {
            return 5;
        }
        return 0;
    }

    private static Object lowest(Object ofType) {
        return switch (typeOf(ofType)) {
            case 1 -> Double.NEGATIVE_INFINITY;
            case 2 -> "";
            case 4 -> Boolean.FALSE;
            case 5 -> Instant.MIN;
            default -> null;
        };
    }

    /** Values from {@code from} to {@code to} (null: to the last value of {@code from}'s type), ends included. */
    private record Range(Object from, Object to) {
    }

    // ---- the rest of the library's index ------------------------------------------------------------------

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // the map is removed with the index (TunedH2Backend)
    }

    /**
     * Entries {@code (value, _id)} ordered by MongoDB's value order, element by element (the index's bounds hold
     * {@link MinKey}, which sorts first), stored as a small BSON document of their elements.
     */
    static final class EntryType extends BasicDataType<KeyValue> {

        private final TunedH2Backend.DocumentType documents = new TunedH2Backend.DocumentType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                int order = x instanceof String one && y instanceof String other ? one.compareTo(other)
                        : VALUES.compare(x, y);
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        /** What an entry holds on the heap, roughly, as H2's page cache counts it (no document built for it). */
        @Override
        public int getMemory(KeyValue entry) {
            long bytes = 48;
            for (Object value : entry) {
                bytes += 8 + TunedH2Backend.DocumentType.heapBytes(value);
            }
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue entry) {
            documents.write(buffer, document(entry));
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            Document document = documents.read(buffer);
            return new KeyValue(new ArrayList<>(document.values()));
        }

        private static Document document(KeyValue entry) {
            Document document = new Document();
            for (int i = 0; i < entry.size(); i++) {
                document.put(Integer.toString(i), entry.get(i));
            }
            return document;
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    @Override
    public String toString() {
        return "SecondaryIndex[" + getName() + " on " + field + ", " + entries.sizeAsLong() + " entries]";
    }
}
