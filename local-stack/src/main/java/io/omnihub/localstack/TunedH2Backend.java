package io.omnihub.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend with cheaper storage: every index key and every document used to go through H2's
 * generic {@code ObjectDataType}, i.e. Java serialisation. Measured, that was most of the emulated MongoDB's CPU:
 *
 * <ul>
 *   <li><b>Unique indexes compare keys by value.</b> {@code ObjectDataType} compares two objects of a class that is not
 *   {@code Comparable} (the library's {@code KeyValue}) by Java-serialising both, about 20 times per lookup: two
 *   thirds of the emulator's CPU. Keys are ordered here by MongoDB's value order ({@link ValueComparator}; two
 *   strings directly), and only keys that order equal without being the same plain value fall back to the old
 *   serialised comparison, so two keys are one key exactly when they were before. Keys of strings are stored as
 *   strings.</li>
 *   <li><b>Documents are stored as BSON</b>, encoded and decoded by the library's own wire codec (what every client
 *   receives anyway), instead of Java serialisation: H2 rewrites whole B-tree pages when one of their documents
 *   changes, so a stream of updates re-serialised most stored documents every second. A document the codec cannot
 *   encode is stored serialised as before.</li>
 * </ul>
 *
 * <p>Neither kind of map can be read with the library's types, nor the library's with these: they have names of their
 * own ({@link #INDEX_SUFFIX}, {@link #DATA_SUFFIX}), and what an earlier version stored under the library's names is
 * copied into them once, when first opened, and then removed, so an existing data file keeps its data.
 */
class TunedH2Backend extends H2Backend {

    /** Appended to the library's name of an index map. */
    static final String INDEX_SUFFIX = ".by-value";
    /** Appended to the library's name of a collection's documents map. */
    static final String DATA_SUFFIX = ".bson";
    /** The library's prefixes of a collection's documents map and of its metadata map. */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    TunedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * The library's H2 database with these maps. An inner class: the library opens the collections and indexes from
     * its constructor, before a field of a subclass could be set, and the store is the backend's.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = adopt(DATA_PREFIX + namespace, DATA_SUFFIX,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + namespace);
            return new StreamingCollection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        /**
         * {@code dropIndexes} naming one index is carried out by that index's keys: the library drops the named index
         * from the collection but then deletes the description of every index of that name in the whole database,
         * so an index of the same name in another collection went on working until a restart and was missing after it.
         */
        @Override
        public Document handleCommand(Channel channel, String command, Document query,
                DatabaseResolver databaseResolver, Oplog oplog) {
            if (command.equalsIgnoreCase("dropIndexes") && query.get("index") instanceof String name
                    && !name.equals("*") && indexes.get() != null && query.get(command) instanceof String collection) {
                Document description = new Document("ns", getFullCollectionNamespace(collection)).append("name", name);
                Iterator<Document> index = indexes.get().handleQuery(description).iterator();
                if (index.hasNext()) {
                    Document byKeys = new Document(query);
                    byKeys.put("index", index.next().get("key"));
                    return super.handleCommand(channel, command, byKeys, databaseResolver, oplog);
                }
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            String documents = DATA_PREFIX + getFullCollectionNamespace(collectionName) + DATA_SUFFIX;
            super.dropCollection(collectionName, oplog);
            getMvStore().removeMap(documents);
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            MVStore store = getMvStore();
            String from = DATA_PREFIX + collection.getFullName() + DATA_SUFFIX;
            String to = DATA_PREFIX + getFullCollectionNamespace(newCollectionName) + DATA_SUFFIX;
            super.moveCollection(oldDatabase, collection, newCollectionName);
            if (store.hasMap(from)) {
                store.renameMap(store.openMap(from, new MVMap.Builder<Object, Document>().valueType(new DocumentType())),
                        to);
            }
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            MVMap<KeyValue, Object> map = adopt(libraryMapName(collectionName, indexName), INDEX_SUFFIX,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyType()));
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * A non-unique index on one field is kept and serves queries ({@link SecondaryIndex}); the library ignores
         * every non-unique index, and a compound one stays ignored.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            if (keys.size() != 1) {
                return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
            }
            MVMap<KeyValue, Object> map = getMvStore().openMap(libraryMapName(collectionName, indexName) + INDEX_SUFFIX,
                    SecondaryIndex.mapType());
            return new SecondaryIndex(map, indexName, keys.get(0), sparse);
        }

        /**
         * The map {@code libraryName + suffix} of the given types, holding what an earlier version stored under
         * {@code libraryName}: copied whole, then that map removed. The copy is made again whenever the old map is
         * still there (a crash during the copy), which is before anything else writes to the new one: maps are opened
         * as the server starts.
         */
        private <K, V> MVMap<K, V> adopt(String libraryName, String suffix, MVMap.Builder<K, V> types) {
            MVStore store = getMvStore();
            MVMap<K, V> map = store.openMap(libraryName + suffix, types);
            if (store.hasMap(libraryName)) {
                MVMap<K, V> legacy = store.openMap(libraryName);
                legacy.forEach(map::put);
                store.removeMap(legacy);
            }
            return map;
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(libraryMapName(collection.getCollectionName(), indexName) + INDEX_SUFFIX);
        }

        /** The name mongo-java-server's {@code H2Database} gives the map of an index. */
        private String libraryMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    /**
     * The library's H2 collection, reading without holding every document at once. The library collects all the
     * documents of a collection into one list before an aggregation (so a {@code countDocuments}, which is one) and
     * before sorting a query's matches: a catalog of 220,000 products counted or paged that way took more than the
     * whole heap. Here an aggregation streams the documents, and a query sorted by {@code _id} alone reads them in the
     * map's key order, which is {@code _id} order whenever every {@code _id} is a string (H2 orders keys by type
     * first, then strings as MongoDB does), so only the page asked for is decoded, starting at the skipped position
     * when nothing is filtered.
     */
    static final class StreamingCollection extends H2Collection {

        private final MVMap<Object, Document> documents;
        /** Queries that read the collection rather than an index (a test's witness). */
        long scans;

        StreamingCollection(MongoDatabase database, String name, CollectionOptions options,
                MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
            this.documents = documents;
        }

        @Override
        public Stream<Document> queryAllAsStream() {
            return documents.values().stream();
        }

        /**
         * The size of the documents is not kept up to date on every write. The library kept it by encoding every
         * document written once more (twice for an update: before and after) and writing the total to the metadata
         * map, an H2 write of its own per document; only {@code collStats}/{@code dataSize} report it, and they
         * compute it when asked ({@link #getDataSize()}).
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /** The documents' size as BSON, computed by reading them all: asked only by statistics commands. */
        @Override
        protected int getDataSize() {
            if (documents == null) {
                return 0; // asked by the library's constructor for a debug line, before this class's fields are set
            }
            long bytes = 0;
            for (Document document : documents.values()) {
                ByteBuf bson = Unpooled.buffer(256);
                try {
                    BsonEncoder.encodeDocument(document, bson);
                    bytes += bson.readableBytes();
                } finally {
                    bson.release();
                }
            }
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }

        /**
         * A query naming the {@code _id} and other fields is served by the {@code _id} index, as MongoDB serves it.
         * The library uses an index only when the query names exactly its fields, so a write conditioned on
         * {@code {_id, version}} read the whole collection. The whole query is still matched on each document found;
         * a query some index serves as it is goes the library's way.
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            Document byId = idCondition(query);
            if (byId != null) {
                Index<Object> idIndex = null;
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(query)) {
                        idIndex = null;
                        break;
                    }
                    if (idIndex == null && index.canHandle(byId)) {
                        idIndex = index;
                    }
                }
                if (idIndex != null) {
                    return matchDocuments(query, idIndex.getPositions(byId), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
            List<Object> positions = secondaryPositions(query);
            if (positions != null) {
                return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * The documents a {@link SecondaryIndex} finds for the query (one that answers an equality before one that
         * answers a range); null when none serves it, or when a unique index fits it as it is (the library's way).
         */
        private List<Object> secondaryPositions(Document query) {
            SecondaryIndex.Lookup chosen = null;
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(query)) {
                    return null;
                }
                SecondaryIndex.Lookup lookup = index instanceof SecondaryIndex secondary ? secondary.lookup(query) : null;
                if (lookup != null && (chosen == null || !chosen.isEquality() && lookup.isEquality())) {
                    chosen = lookup;
                }
            }
            return chosen == null ? null : chosen.positions();
        }

        /**
         * {@code {_id: c}} when the query is {@code c} on the {@code _id} and something on other fields, side by side or
         * in a top-level {@code $and}; else null.
         */
        private Document idCondition(Document query) {
            String id = getIdField();
            if (query.size() > 1 && query.containsKey(id)) {
                return new Document(id, query.get(id));
            }
            if (query.size() == 1 && query.get("$and") instanceof List<?> all && all.size() > 1) {
                for (Object part : all) {
                    if (part instanceof Document condition && condition.size() == 1 && condition.containsKey(id)) {
                        return condition;
                    }
                }
            }
            return null;
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            scans++;
            Boolean ascending = byIdAlone(orderBy);
            if (ascending == null || !stringKeysOnly()) {
                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            int skipped = 0;
            Object from = null;
            if (query.isEmpty() && numberToSkip > 0) {
                long size = documents.sizeAsLong();
                if (numberToSkip >= size) {
                    return createQueryResult(List.of(), batchSize);
                }
                from = documents.getKey(ascending ? numberToSkip : size - 1 - numberToSkip);
                skipped = numberToSkip;
            }
            Cursor<Object, Document> cursor = documents.cursor(from, null, !ascending);
            Stream<Document> inOrder = StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public Document next() {
                    cursor.next();
                    return cursor.getValue();
                }
            }, Spliterator.ORDERED | Spliterator.NONNULL), false);
            return matchDocumentsFromStream(query, inOrder, numberToSkip - skipped, limit, batchSize, null,
                    fieldSelector);
        }

        /** True for {@code {_id: 1}}, false for {@code {_id: -1}}, null for any other order. */
        private Boolean byIdAlone(Document orderBy) {
            if (orderBy == null || orderBy.size() != 1 || !(orderBy.get(getIdField()) instanceof Number direction)) {
                return null;
            }
            return switch (direction.intValue()) {
                case 1 -> Boolean.TRUE;
                case -1 -> Boolean.FALSE;
                default -> null;
            };
        }

        /** Whether every key is a string: H2 groups keys by type, so the first and the last tell. */
        private boolean stringKeysOnly() {
            return documents.isEmpty() || documents.firstKey() instanceof String && documents.lastKey() instanceof String;
        }
    }

    /** The library's H2 unique index, on a map of this database's key type. */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * Index keys ordered by value. The order is total: MongoDB's value order (two strings by {@link String#compareTo}
     * directly), then, among keys it finds equal, the serialised bytes as before, skipped when both keys hold the same
     * plain values (whose serialised forms are then identical). Keys of strings only (ids, tokens, references) are
     * stored as their strings; others as H2 stores them for the library (Java serialisation).
     */
    static final class KeyType extends BasicDataType<KeyValue> {

        private static final Set<Class<?>> PLAIN = Set.of(String.class, Integer.class, Long.class, Double.class,
                Boolean.class);

        private static final byte SERIALISED = 0;
        private static final byte STRINGS = 1;

        private final ObjectDataType stored = new ObjectDataType();
        private final ValueComparator values = ValueComparator.ascWithoutListHandling();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            if (a == b) {
                return 0;
            }
            int sizes = Integer.compare(a.size(), b.size());
            if (sizes != 0) {
                return sizes;
            }
            for (int i = 0; i < a.size(); i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                int order = x instanceof String one && y instanceof String other ? one.compareTo(other)
                        : values.compare(x, y);
                if (order != 0) {
                    return order;
                }
            }
            return samePlainValues(a, b) ? 0 : Arrays.compareUnsigned(serialised(a), serialised(b));
        }

        private static boolean samePlainValues(KeyValue a, KeyValue b) {
            for (int i = 0; i < a.size(); i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                if (x == null || y == null || x.getClass() != y.getClass() || !PLAIN.contains(x.getClass())
                        || !x.equals(y)) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] serialised(KeyValue key) {
            return ObjectDataType.serialize(key);
        }

        @Override
        public int getMemory(KeyValue key) {
            return stored.getMemory(key);
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            if (key.stream().allMatch(String.class::isInstance)) {
                buffer.put(STRINGS).putVarInt(key.size());
                for (Object value : key) {
                    String text = (String) value;
                    buffer.putVarInt(text.length()).putStringData(text, text.length());
                }
            } else {
                buffer.put(SERIALISED);
                stored.write(buffer, key);
            }
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            if (buffer.get() == SERIALISED) {
                return (KeyValue) stored.read(buffer);
            }
            Object[] values = new Object[DataUtils.readVarInt(buffer)];
            for (int i = 0; i < values.length; i++) {
                values[i] = DataUtils.readString(buffer);
            }
            return new KeyValue(values);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    /**
     * Documents as BSON (the library's wire codec), or Java-serialised as H2 stored them for the library when the codec
     * cannot encode one; the first byte says which.
     */
    static final class DocumentType extends BasicDataType<Document> {

        private static final byte SERIALISED = 0;
        private static final byte BSON = 1;

        private final ObjectDataType serialised = new ObjectDataType();

        /**
         * What a decoded document holds on the heap, roughly (object headers, map entries, strings' characters), for
         * H2's page cache: the cache's size in MiB must be about what it takes of the heap.
         */
        @Override
        public int getMemory(Document document) {
            return (int) Math.min(Integer.MAX_VALUE, heapBytes(document));
        }

        static long heapBytes(Object value) {
            if (value == null) {
                return 0;
            }
            if (value instanceof String text) {
                return 48 + 2L * text.length();
            }
            if (value instanceof Map<?, ?> map) {
                long bytes = 64;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    bytes += 48 + heapBytes(entry.getKey()) + heapBytes(entry.getValue());
                }
                return bytes;
            }
            if (value instanceof Collection<?> values) {
                long bytes = 48;
                for (Object element : values) {
                    bytes += 8 + heapBytes(element);
                }
                return bytes;
            }
            if (value instanceof byte[] bytes) {
                return 24 + bytes.length;
            }
            return 32;
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            ByteBuf bson = Unpooled.buffer(256);
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (RuntimeException notEncodable) {
                bson.release();
                buffer.put(SERIALISED);
                serialised.write(buffer, document);
                return;
            }
            buffer.put(BSON).putVarInt(bson.readableBytes()).put(bson.nioBuffer());
            bson.release();
        }

        @Override
        public Document read(ByteBuffer buffer) {
            if (buffer.get() == SERIALISED) {
                return (Document) serialised.read(buffer);
            }
            int length = DataUtils.readVarInt(buffer);
            ByteBuffer bson = buffer.slice();
            bson.limit(length);
            buffer.position(buffer.position() + length);
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }
}
