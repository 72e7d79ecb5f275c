package io.omnihub.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend whose unique indexes compare keys by value. The library opens each index as an H2 map
 * of {@code KeyValue} keys under H2's generic {@code ObjectDataType}, which compares two objects of a class that is
 * not {@code Comparable} by Java-serialising both: measured, that was two thirds of the emulated MongoDB's CPU (every
 * insert, update and lookup by {@code _id} or by a unique field walks ~20 keys). Here keys are ordered by MongoDB's
 * own value order first ({@link ValueComparator}, cheap for the strings, numbers and ids that keys are), and only keys
 * that order equal but are not plainly the same value fall back to the old serialised comparison, so two keys are one
 * key exactly when they were before.
 *
 * <p>Such a map cannot be read with the library's ordering, nor the library's with this one: these maps have names
 * of their own ({@link #SUFFIX}), and an index stored by an earlier version under the library's name is copied into
 * the new map once, when it is first opened, and then removed. Documents and positions are stored as before.
 */
class ValueOrderedH2Backend extends H2Backend {

    /** Appended to the library's name of an index map. */
    static final String SUFFIX = ".by-value";

    ValueOrderedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * The library's H2 database with these indexes. An inner class: the library opens the indexes from its
     * constructor, before a field of a subclass could be set, and the store is the backend's.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            MVStore store = getMvStore();
            String legacyName = libraryMapName(collectionName, indexName);
            MVMap<KeyValue, Object> map = store.openMap(legacyName + SUFFIX,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyType()));
            if (store.hasMap(legacyName)) {
                MVMap<KeyValue, Object> legacy = store.openMap(legacyName);
                if (map.isEmpty()) {
                    legacy.forEach(map::put);
                }
                store.removeMap(legacy);
            }
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(libraryMapName(collection.getCollectionName(), indexName) + SUFFIX);
        }

        /** The name mongo-java-server's {@code H2Database} gives the map of an index. */
        private String libraryMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
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
}
