package io.omnihub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.math.BigDecimal;
import java.util.Date;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedH2BackendTests {

    private static final int OPERATIONS = 3_000;

    @Test
    void refusesAndFindsExactlyTheKeysTheLibrarysOwnIndexesDo() {
        List<String> expected = onTheLibrarysBackend(TunedH2BackendTests::replay);
        List<String> actual = onTheEmulator(TunedH2BackendTests::replay);

        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
        assertThat(expected).anyMatch(outcome -> outcome.startsWith("refused"))
                .anyMatch(outcome -> outcome.startsWith("inserted"))
                .anyMatch(outcome -> outcome.startsWith("found"))
                .anyMatch(outcome -> outcome.startsWith("missing"));
    }

    @Test
    void adoptsTheIndexesOfAFileWrittenByTheLibrarysBackend(@TempDir Path dir) {
        String file = dir.resolve("omnihub.mv.db").toString();
        MongoServer library = new MongoServer(new H2Backend(MVStore.open(file)));
        try {
            InetSocketAddress address = library.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                var stock = client.getDatabase("inventory").getCollection("stock");
                stock.createIndex(Indexes.ascending("token"), new IndexOptions().unique(true).name("token"));
                for (int i = 0; i < 500; i++) {
                    stock.insertOne(new Document("_id", "LJ001:" + i).append("token", "t" + i));
                }
            }
        } finally {
            library.shutdown();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, Path.of(file));
             MongoClient client = MongoClients.create(mongo.connectionString("inventory"))) {
            var stock = client.getDatabase("inventory").getCollection("stock");

            assertThat(stock.find(Filters.eq("_id", "LJ001:321")).first()).containsEntry("token", "t321");
            assertThat(stock.find(Filters.eq("token", "t7")).first()).containsEntry("_id", "LJ001:7");
            assertThat(refused(stock, new Document("_id", "LJ001:42").append("token", "new"))).isTrue();
            assertThat(refused(stock, new Document("_id", "LJ002:1").append("token", "t499"))).isTrue();
            assertThat(refused(stock, new Document("_id", "LJ002:1").append("token", "t500"))).isFalse();
        }
        try (EmbeddedMongo again = EmbeddedMongo.start(0, Path.of(file));
             MongoClient client = MongoClients.create(again.connectionString("inventory"))) {
            var stock = client.getDatabase("inventory").getCollection("stock");

            assertThat(stock.countDocuments()).isEqualTo(501);
            assertThat(stock.find(Filters.eq("token", "t500")).first()).containsEntry("_id", "LJ002:1");
            assertThat(refused(stock, new Document("_id", "LJ002:1"))).isTrue();
        }
    }

    @Test
    void keepsKeysOfEveryTypeAcrossARestart(@TempDir Path dir) {
        Path file = dir.resolve("omnihub.mv.db");
        ObjectId id = new ObjectId("64b7f3a2c1d4e5f6a7b8c9d0");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            var things = client.getDatabase("test").getCollection("things");
            things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("code"));
            things.insertOne(new Document("_id", id).append("code", 42L));
            things.insertOne(new Document("_id", 7).append("code", "sete"));
            for (int i = 0; i < 2_000; i++) {
                things.insertOne(new Document("_id", "t" + i).append("code", "c" + i));
            }
        }

        try (EmbeddedMongo restarted = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(restarted.connectionString("test"))) {
            var things = client.getDatabase("test").getCollection("things");

            assertThat(things.find(Filters.eq("_id", id)).first()).containsEntry("code", 42L);
            assertThat(things.find(Filters.eq("code", 42L)).first()).containsEntry("_id", id);
            assertThat(things.find(Filters.eq("_id", 7)).first()).containsEntry("code", "sete");
            assertThat(things.find(Filters.eq("code", "c1999")).first()).containsEntry("_id", "t1999");
            assertThat(refused(things, new Document("_id", id))).isTrue();
            assertThat(refused(things, new Document("_id", "new").append("code", 42L))).isTrue();
            assertThat(refused(things, new Document("_id", "t5"))).isTrue();
            assertThat(refused(things, new Document("_id", "t2000").append("code", "c2000"))).isFalse();
        }
    }

    @Test
    void givesBackEveryKindOfValueAfterARestartAsItWasBefore(@TempDir Path dir) {
        Path file = dir.resolve("omnihub.mv.db");
        Document stored;
        Document rich = new Document("_id", "LJ001:7891000000007")
                .append("text", "Camiseta básica ✓").append("int", 42).append("long", 1L << 40).append("double", 0.1)
                .append("decimal", new Decimal128(new BigDecimal("129.90"))).append("yes", true).append("none", null)
                .append("at", new Date(1_795_000_000_123L)).append("id", new ObjectId("64b7f3a2c1d4e5f6a7b8c9d0"))
                .append("uuid", new Binary((byte) 4, new byte[16])).append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("list", List.of(1, "two", List.of(3.0), new Document("four", 4)))
                .append("nested", new Document("holds", List.of(new Document("fulfillmentId", "F-1").append("units", 2L))));
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            var things = client.getDatabase("test").getCollection("things");
            things.insertOne(rich);
            things.updateOne(Filters.eq("_id", rich.get("_id")), Updates.combine(Updates.inc("int", 1),
                    Updates.push("list", "five"), Updates.unset("none")));
            stored = things.find(Filters.eq("_id", rich.get("_id"))).first();
        }

        try (EmbeddedMongo restarted = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(restarted.connectionString("test"))) {
            Document again = client.getDatabase("test").getCollection("things")
                    .find(Filters.eq("_id", rich.get("_id"))).first();

            assertThat(stored).containsEntry("int", 43).doesNotContainKey("none");
            assertThat(again).isEqualTo(stored);
            assertThat(again.keySet()).containsExactlyElementsOf(stored.keySet());
        }
    }

    @Test
    void forgetsADroppedCollectionAcrossARestart(@TempDir Path dir) {
        Path file = dir.resolve("omnihub.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            var things = client.getDatabase("test").getCollection("things");
            things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("code"));
            things.insertOne(new Document("_id", 1).append("code", "a"));
            things.drop();
            client.getDatabase("test").getCollection("things").insertOne(new Document("_id", 2).append("code", "a"));
        }

        try (EmbeddedMongo restarted = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(restarted.connectionString("test"))) {
            var things = client.getDatabase("test").getCollection("things");

            assertThat(things.find().into(new ArrayList<>())).containsExactly(new Document("_id", 2).append("code", "a"));
            assertThat(refused(things, new Document("_id", 3).append("code", "a"))).isFalse();
        }
    }

    @Test
    void dropsAnIndexByNameFromItsCollectionOnlyAndKeepsTheSameNameElsewhereAcrossARestart(@TempDir Path dir) {
        Path file = dir.resolve("omnihub.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            for (String name : List.of("stock", "commands")) {
                client.getDatabase("test").getCollection(name).createIndex(Indexes.ascending("token"),
                        new IndexOptions().unique(true).sparse(true).name("token"));
            }
            client.getDatabase("test").getCollection("stock").dropIndex("token");
        }

        try (EmbeddedMongo restarted = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(restarted.connectionString("test"))) {
            var stock = client.getDatabase("test").getCollection("stock");
            var commands = client.getDatabase("test").getCollection("commands");

            assertThat(commands.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .contains("token");
            commands.insertOne(new Document("_id", 1).append("token", "t"));
            assertThat(refused(commands, new Document("_id", 2).append("token", "t"))).isTrue();
            assertThat(stock.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .doesNotContain("token");
            stock.insertOne(new Document("_id", 1).append("token", "t"));
            assertThat(refused(stock, new Document("_id", 2).append("token", "t"))).isFalse();
        }
    }

    @Test
    void keepsTheDocumentsAndIndexesOfARenamedCollectionAcrossARestart(@TempDir Path dir) {
        Path file = dir.resolve("omnihub.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(mongo.connectionString("test"))) {
            var things = client.getDatabase("test").getCollection("things");
            things.insertOne(new Document("_id", 1).append("code", "a"));
            things.renameCollection(new MongoNamespace("test", "renamed"));

            assertThat(client.getDatabase("test").getCollection("renamed").find(Filters.eq("_id", 1)).first())
                    .containsEntry("code", "a");
        }

        try (EmbeddedMongo restarted = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(restarted.connectionString("test"))) {
            var renamed = client.getDatabase("test").getCollection("renamed");

            assertThat(renamed.find(Filters.eq("_id", 1)).first()).containsEntry("code", "a");
            assertThat(client.getDatabase("test").getCollection("things").countDocuments()).isZero();
        }
    }

    @Test
    void pagesSortedByIdAndCountsExactlyAsTheLibrarysOwnBackendDoes() {
        List<String> expected = onTheLibrarysBackend(TunedH2BackendTests::pagesAndCounts);
        List<String> actual = onTheEmulator(TunedH2BackendTests::pagesAndCounts);

        assertThat(actual).isEqualTo(expected);
        assertThat(expected).anyMatch(outcome -> outcome.endsWith("[]")).anyMatch(outcome -> outcome.contains(","));
    }

    @Test
    void findsUpdatesAndDeletesByIdAndOtherFieldsExactlyAsTheLibrarysOwnBackendDoes() {
        List<String> expected = onTheLibrarysBackend(TunedH2BackendTests::conditionalWrites);
        List<String> actual = onTheEmulator(TunedH2BackendTests::conditionalWrites);

        assertThat(actual).isEqualTo(expected);
        assertThat(expected).anyMatch(outcome -> outcome.endsWith("update 1"))
                .anyMatch(outcome -> outcome.endsWith("update 0")).anyMatch(outcome -> outcome.endsWith("delete 1"))
                .anyMatch(outcome -> outcome.contains("refused 11000"));
    }

    @Test
    void servesAQueryByIdAndOtherFieldsFromTheIdIndex() {
        TunedH2Backend backend = new TunedH2Backend(MVStore.open(null));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            for (int i = 0; i < 50; i++) {
                things.insertOne(new Document("_id", "t" + i).append("version", 1).append("code", "c" + i));
            }
            var collection = (TunedH2Backend.StreamingCollection) backend.resolveDatabase("test")
                    .resolveCollection("things", true);
            long before = collection.scans;

            assertThat(things.updateOne(Filters.and(Filters.eq("_id", "t7"), Filters.eq("version", 1)),
                    Updates.set("version", 2)).getModifiedCount()).isEqualTo(1);
            assertThat(things.updateOne(Filters.and(Filters.eq("_id", "t7"), Filters.eq("version", 1)),
                    Updates.set("version", 3)).getMatchedCount()).isZero();
            assertThat(things.find(Filters.and(Filters.in("_id", "t1", "t2", "t7"), Filters.eq("version", 1)))
                    .into(new ArrayList<>())).extracting(document -> document.get("_id")).containsOnly("t1", "t2");
            assertThat(collection.scans).isEqualTo(before);

            assertThat(things.find(Filters.eq("code", "c7")).first()).containsEntry("version", 2);
            assertThat(collection.scans).isEqualTo(before + 1);
        } finally {
            server.shutdown();
        }
    }

    @Test
    void findsThroughNonUniqueIndexesExactlyWhatTheLibrarysFullReadsFind() {
        List<String> expected = onTheLibrarysBackend(TunedH2BackendTests::secondaryQueries);
        List<String> actual = onTheEmulator(TunedH2BackendTests::secondaryQueries);

        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("outcome %d", i).isEqualTo(expected.get(i));
        }
        assertThat(expected).anyMatch(outcome -> outcome.endsWith(" []"))
                .anyMatch(outcome -> outcome.matches(".* \\[[^,]+(, [^,]+){2,}]"));
    }

    @Test
    void servesQueriesOnAFieldWithANonUniqueIndexFromItWithoutReadingTheCollection() {
        TunedH2Backend backend = new TunedH2Backend(MVStore.open(null));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> orders = client.getDatabase("test").getCollection("orders");
            orders.createIndex(Indexes.ascending("unpublished"));
            orders.createIndex(Indexes.ascending("nextDeadline"));
            orders.createIndex(Indexes.ascending("storeIds"));
            Date now = new Date(1_795_000_000_000L);
            for (int i = 0; i < 1_000; i++) {
                Document order = new Document("_id", "ord-" + i).append("unpublished", i % 250 == 0)
                        .append("storeIds", List.of("LJ" + i % 7, "LJ" + (i % 7 + 1)));
                if (i % 100 == 0) {
                    order.append("nextDeadline", new Date(now.getTime() + (i - 500) * 1_000L));
                }
                orders.insertOne(order);
            }
            var collection = (TunedH2Backend.StreamingCollection) backend.resolveDatabase("test")
                    .resolveCollection("orders", true);
            long before = collection.scans;

            assertThat(orders.find(Filters.eq("unpublished", true)).sort(Indexes.ascending("_id"))
                    .map(order -> order.get("_id")).into(new ArrayList<>()))
                    .containsExactly("ord-0", "ord-250", "ord-500", "ord-750");
            assertThat(orders.find(Filters.lte("nextDeadline", now)).map(order -> order.get("_id"))
                    .into(new ArrayList<>())).containsExactlyInAnyOrder("ord-0", "ord-100", "ord-200", "ord-300",
                    "ord-400", "ord-500");
            assertThat(orders.countDocuments(Filters.and(Filters.eq("storeIds", "LJ3"), Filters.eq("unpublished",
                    true)))).isEqualTo(1);
            assertThat(orders.find(Filters.and(Filters.eq("storeIds", "LJ0"), Filters.gt("nextDeadline", now)))
                    .map(order -> order.get("_id")).into(new ArrayList<>())).containsExactly("ord-700");
            assertThat(orders.updateMany(Filters.eq("unpublished", true), Updates.set("unpublished", false))
                    .getModifiedCount()).isEqualTo(4);
            assertThat(orders.find(Filters.eq("unpublished", true)).first()).isNull();
            assertThat(orders.deleteMany(Filters.in("storeIds", "LJ7")).getDeletedCount()).isEqualTo(142);
            assertThat(orders.find(Filters.eq("storeIds", "LJ7")).first()).isNull();
            assertThat(collection.scans).isEqualTo(before);

            assertThat(orders.find(Filters.exists("nextDeadline", false)).into(new ArrayList<>())).hasSize(849);
            assertThat(collection.scans).isEqualTo(before + 1);
        } finally {
            server.shutdown();
        }
    }

    @Test
    void keepsANonUniqueIndexAcrossARestartAndBuildsOneAFileOfTheLibraryNeverHeld(@TempDir Path dir) {
        String file = dir.resolve("omnihub.mv.db").toString();
        MongoServer library = new MongoServer(new H2Backend(MVStore.open(file)));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + library.bind().getPort())) {
            var orders = client.getDatabase("test").getCollection("orders");
            orders.createIndex(Indexes.ascending("routingDue"));
            for (int i = 0; i < 300; i++) {
                orders.insertOne(new Document("_id", "ord-" + i).append("routingDue", i % 100 == 7));
            }
        } finally {
            library.shutdown();
        }

        for (int start = 1; start <= 2; start++) {
            TunedH2Backend backend = new TunedH2Backend(MVStore.open(file));
            MongoServer server = new MongoServer(backend);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
                var orders = client.getDatabase("test").getCollection("orders");
                var collection = (TunedH2Backend.StreamingCollection) backend.resolveDatabase("test")
                        .resolveCollection("orders", false);
                long before = collection.scans;

                List<Object> due = orders.find(Filters.eq("routingDue", true)).sort(Indexes.ascending("_id"))
                        .map(order -> order.get("_id")).into(new ArrayList<>());

                assertThat(collection.scans).isEqualTo(before);
                if (start == 1) {
                    assertThat(due).containsExactly("ord-107", "ord-207", "ord-7");
                    orders.updateOne(Filters.eq("_id", "ord-7"), Updates.set("routingDue", false));
                    orders.insertOne(new Document("_id", "ord-300").append("routingDue", true));
                } else {
                    assertThat(due).containsExactly("ord-107", "ord-207", "ord-300");
                }
            } finally {
                server.shutdown();
            }
        }
    }

    @Test
    void countsAndPagesACollectionFarLargerThanItsHeap(@TempDir Path dir) throws Exception {
        int port = Ports.free(1).get(0);
        Process mongo = JavaProcess.mainClass(System.getProperty("java.class.path"), EmbeddedMongo.class.getName(),
                        "--port", Integer.toString(port), "--file", dir.resolve("omnihub.mv.db").toString())
                .jvmOptions(JavaProcess.SMALL_JVM).jvmOptions(List.of("-Xmx128m"))
                .log(dir.resolve("mongo.log")).exitWithParent(true).start();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Ports.isAccepting(port));
            MongoCollection<Document> products = client.getDatabase("test").getCollection("products");
            String description = "x".repeat(20_000);
            // 10,000 documents of 20 kB: about 200 MB once decoded, far more than the server's heap
            for (int batch = 0; batch < 20; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    int n = batch * 500 + i;
                    documents.add(new Document("_id", "P%05d".formatted(n)).append("n", n)
                            .append("description", description));
                }
                products.insertMany(documents);
            }

            long all = products.countDocuments();
            long some = products.countDocuments(Filters.gte("n", 9_990));
            List<Object> page = products.find().sort(Indexes.ascending("_id")).skip(9_000).limit(3)
                    .map(document -> document.get("_id")).into(new ArrayList<>());
            List<Object> filtered = products.find(Filters.gte("n", 10)).sort(Indexes.descending("_id")).skip(2)
                    .limit(2).map(document -> document.get("_id")).into(new ArrayList<>());

            assertThat(all).isEqualTo(10_000);
            assertThat(some).isEqualTo(10);
            assertThat(page).containsExactly("P09000", "P09001", "P09002");
            assertThat(filtered).containsExactly("P09997", "P09996");
            assertThat(mongo.isAlive()).isTrue();
        } finally {
            mongo.destroy();
            mongo.waitFor();
        }
    }

    @Test
    void estimatesWhatADecodedDocumentHoldsOnTheHeapByItsContent() {
        var type = new TunedH2Backend.DocumentType();
        var small = new de.bwaldvogel.mongo.bson.Document("_id", "a").append("n", 1);
        var large = new de.bwaldvogel.mongo.bson.Document("_id", "a").append("text", "x".repeat(1_000))
                .append("holds", List.of(new de.bwaldvogel.mongo.bson.Document("fulfillmentId", "F-1"),
                        new de.bwaldvogel.mongo.bson.Document("fulfillmentId", "F-2")));

        assertThat(type.getMemory(small)).isBetween(100, 400);
        assertThat(type.getMemory(large)).isGreaterThan(2_000 + type.getMemory(small));
    }

    @Test
    void ordersEqualPlainKeysAsOneAndDifferentTypesApart() {
        var type = new TunedH2Backend.KeyType();

        assertThat(type.compare(new KeyValue("LJ001:789"), new KeyValue("LJ001:789"))).isZero();
        assertThat(type.compare(new KeyValue("a"), new KeyValue("b"))).isNegative();
        assertThat(type.compare(new KeyValue("b"), new KeyValue("a"))).isPositive();
        assertThat(type.compare(new KeyValue(1.5), new KeyValue(2L))).isNegative();
        assertThat(type.compare(new KeyValue(7L), new KeyValue(7.0))).isNotZero()
                .isEqualTo(-type.compare(new KeyValue(7.0), new KeyValue(7L)));
    }

    /**
     * A seeded mix of inserts and lookups on a collection with a unique index over values of several types (strings,
     * ints, longs, doubles that equal them, ids, nulls): what each operation did.
     */
    private static List<String> replay(String uri) {
        List<String> outcomes = new ArrayList<>();
        Random random = new Random(20261129);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true).name("code"));
            List<ObjectId> ids = List.of(new ObjectId("64b7f3a2c1d4e5f6a7b8c9d0"), new ObjectId("64b7f3a2c1d4e5f6a7b8c9d1"));
            for (int i = 0; i < OPERATIONS; i++) {
                Object code = switch (random.nextInt(7)) {
                    case 0 -> "c" + random.nextInt(300);
                    case 1 -> random.nextInt(100);
                    case 2 -> (long) random.nextInt(100);
                    case 3 -> (double) random.nextInt(100);
                    case 4 -> random.nextInt(100) + 0.5;
                    case 5 -> ids.get(random.nextInt(ids.size()));
                    default -> null;
                };
                String id = "d" + random.nextInt(400);
                if (random.nextInt(3) == 0) {
                    Document found = things.find(Filters.eq("_id", id)).first();
                    outcomes.add(found == null ? "missing " + id : "found " + id + " " + found.get("code"));
                } else {
                    Document document = new Document("_id", id);
                    if (code != null) {
                        document.append("code", code);
                    }
                    outcomes.add((refused(things, document) ? "refused " : "inserted ") + document.toJson());
                }
            }
            outcomes.add("count " + things.countDocuments());
        }
        return outcomes;
    }

    /**
     * Documents with string ids inserted out of order, and a second collection mixing number and string ids: pages of
     * both sorted by {@code _id} either way, with and without a filter, skips inside and past the end; and counts.
     */
    private static List<String> pagesAndCounts(String uri) {
        List<String> outcomes = new ArrayList<>();
        Random random = new Random(20261130);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> strings = client.getDatabase("test").getCollection("strings");
            MongoCollection<Document> mixed = client.getDatabase("test").getCollection("mixed");
            List<String> alphabet = List.of("a", "B", "z", "é", "0", "-", "\u00ff", "\u4e2d", "\ud83d\ude00", "");
            for (int i = 0; i < 400; i++) {
                StringBuilder id = new StringBuilder();
                for (int length = random.nextInt(4); length >= 0; length--) {
                    id.append(alphabet.get(random.nextInt(alphabet.size())));
                }
                strings.replaceOne(Filters.eq("_id", id.toString()), new Document("_id", id.toString()).append("n", i),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
                Object mixedId = random.nextBoolean() ? (Object) random.nextInt(1_000) : "m" + random.nextInt(1_000);
                mixed.replaceOne(Filters.eq("_id", mixedId), new Document("_id", mixedId).append("n", i),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
            }
            for (MongoCollection<Document> collection : List.of(strings, mixed)) {
                outcomes.add("count " + collection.countDocuments());
                outcomes.add("count n<100 " + collection.countDocuments(Filters.lt("n", 100)));
                for (int direction : List.of(1, -1)) {
                    for (int skip : List.of(0, 1, 57, 250, 399, 1_000)) {
                        for (var filter : List.of(new Document(), Filters.lt("n", 200))) {
                            var page = collection.find(filter).sort(new Document("_id", direction)).skip(skip).limit(7)
                                    .into(new ArrayList<>());
                            outcomes.add(collection.getNamespace().getCollectionName() + " " + direction + " " + skip
                                    + " " + filter + " " + page.stream().map(Document::toJson).toList());
                        }
                    }
                }
            }
        }
        return outcomes;
    }

    /**
     * Reads and writes conditioned on the {@code _id} and another field (a version, a token), as optimistic writers
     * make them: matches and misses, {@code $in} ids, operators on the other field, upserts that insert, deletes, and
     * a collection with a unique index on the other field too; every outcome, the final documents and their size as
     * {@code collStats} reports it.
     */
    private static List<String> conditionalWrites(String uri) {
        List<String> outcomes = new ArrayList<>();
        Random random = new Random(20261130);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> plain = client.getDatabase("test").getCollection("plain");
            MongoCollection<Document> tokens = client.getDatabase("test").getCollection("tokens");
            tokens.createIndex(Indexes.ascending("token"), new IndexOptions().unique(true).name("token"));
            for (MongoCollection<Document> things : List.of(plain, tokens)) {
                for (int i = 0; i < 40; i++) {
                    things.insertOne(new Document("_id", i % 3 == 0 ? (Object) i : "s" + i).append("version", 0)
                            .append("token", "k" + i));
                }
                for (int i = 0; i < 600; i++) {
                    int n = random.nextInt(45);
                    Object id = n % 3 == 0 ? (Object) n : "s" + n;
                    int version = random.nextInt(3);
                    var condition = Filters.and(Filters.eq("_id", id), Filters.eq("version", version));
                    int operation = random.nextInt(6);
                    String outcome;
                    try {
                        outcome = switch (operation) {
                            case 0 -> "update " + things.updateOne(condition, Updates.combine(Updates.inc("version", 1),
                                    Updates.set("token", "k" + n + "v" + (version + 1)))).getMatchedCount();
                            case 1 -> "replace " + things.replaceOne(condition, new Document("_id", id)
                                    .append("version", version + 1).append("token", "r" + n + "v" + version),
                                    new com.mongodb.client.model.ReplaceOptions().upsert(random.nextBoolean()))
                                    .getMatchedCount();
                            case 2 -> "find " + things.find(Filters.and(Filters.in("_id", id, "s1", 3),
                                    Filters.lte("version", version))).sort(new Document("_id", 1))
                                    .map(Document::toJson).into(new ArrayList<>());
                            case 3 -> "count " + things.countDocuments(Filters.and(Filters.eq("_id", id),
                                    Filters.gt("version", version)));
                            case 4 -> "delete " + things.deleteOne(condition).getDeletedCount();
                            default -> "token " + things.find(new Document("_id", id).append("token", "k" + n))
                                    .first();
                        };
                    } catch (MongoWriteException e) {
                        outcome = "operation " + operation + " refused " + e.getError().getCode();
                    }
                    outcomes.add(things.getNamespace().getCollectionName() + " " + id + " " + version + " " + outcome);
                }
                outcomes.add(things.find().sort(new Document("_id", 1)).map(Document::toJson)
                        .into(new ArrayList<>()).toString());
                Document stats = client.getDatabase("test").runCommand(new Document("collStats",
                        things.getNamespace().getCollectionName()));
                outcomes.add("count " + stats.get("count") + ", size " + stats.get("size"));
            }
        }
        return outcomes;
    }

    /**
     * A seeded mix of inserts, replaces, updates and deletes on a collection with non-unique indexes on a flag, a
     * date, an array of strings, a number of several types and a sparse field sometimes missing or null, and queries
     * on them: equalities, {@code $in}, ranges, with other conditions, in {@code $and}, sorted and limited, and some no
     * index serves. Unsorted results are listed in {@code _id} order (MongoDB promises no order for them).
     */
    private static List<String> secondaryQueries(String uri) {
        List<String> outcomes = new ArrayList<>();
        Random random = new Random(20261201);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            for (String field : List.of("flag", "due", "tags", "n")) {
                things.createIndex(Indexes.ascending(field));
            }
            things.createIndex(Indexes.ascending("maybe"), new IndexOptions().sparse(true));
            long epoch = 1_795_000_000_000L;
            for (int i = 0; i < 2_500; i++) {
                String id = "t" + random.nextInt(300);
                int operation = random.nextInt(10);
                String outcome;
                if (operation < 4) {
                    Document thing = new Document("_id", id).append("flag", random.nextInt(5) == 0)
                            .append("tags", randomTags(random));
                    if (random.nextBoolean()) {
                        thing.append("due", new Date(epoch + random.nextInt(100) * 60_000L));
                    }
                    thing.append("n", switch (random.nextInt(4)) {
                        case 0 -> random.nextInt(20);
                        case 1 -> (long) random.nextInt(20);
                        case 2 -> random.nextInt(20) + 0.5;
                        default -> "n" + random.nextInt(5);
                    });
                    switch (random.nextInt(3)) {
                        case 0 -> thing.append("maybe", "m" + random.nextInt(4));
                        case 1 -> thing.append("maybe", null);
                        default -> { }
                    }
                    outcome = "replace " + things.replaceOne(Filters.eq("_id", id), thing,
                            new com.mongodb.client.model.ReplaceOptions().upsert(true)).getMatchedCount();
                } else if (operation < 6) {
                    var change = switch (random.nextInt(4)) {
                        case 0 -> Updates.set("flag", random.nextBoolean());
                        case 1 -> Updates.unset("due");
                        case 2 -> Updates.addToSet("tags", "s" + random.nextInt(6));
                        default -> Updates.set("due", new Date(epoch + random.nextInt(100) * 60_000L));
                    };
                    outcome = "update " + things.updateOne(Filters.eq("_id", id), change).getModifiedCount();
                } else if (operation == 6) {
                    outcome = "delete " + things.deleteOne(Filters.eq("_id", id)).getDeletedCount();
                } else {
                    var filter = randomFilter(random, epoch);
                    if (random.nextBoolean()) {
                        outcome = "sorted " + filter + " " + things.find(filter)
                                .sort(new Document("due", 1).append("_id", -1)).limit(5)
                                .map(thing -> thing.get("_id")).into(new ArrayList<>());
                    } else {
                        outcome = "find " + filter + " " + things.find(filter).map(thing -> (String) thing.get("_id"))
                                .into(new ArrayList<>()).stream().sorted().toList();
                    }
                }
                outcomes.add(outcome);
            }
            outcomes.add(things.find().sort(new Document("_id", 1)).map(Document::toJson).into(new ArrayList<>())
                    .toString());
        }
        return outcomes;
    }

    private static List<String> randomTags(Random random) {
        List<String> tags = new ArrayList<>();
        for (int count = random.nextInt(4); count > 0; count--) {
            tags.add("s" + random.nextInt(6));
        }
        return tags;
    }

    private static org.bson.conversions.Bson randomFilter(Random random, long epoch) {
        Date at = new Date(epoch + random.nextInt(110) * 60_000L);
        return switch (random.nextInt(16)) {
            case 0 -> Filters.eq("flag", true);
            case 1 -> Filters.and(Filters.eq("flag", false), Filters.eq("tags", "s" + random.nextInt(6)));
            case 2 -> Filters.lte("due", at);
            case 3 -> Filters.gt("due", at);
            case 4 -> Filters.and(Filters.gte("due", at), Filters.lt("due", new Date(at.getTime() + 600_000L)));
            case 5 -> Filters.in("tags", "s" + random.nextInt(6), "s" + random.nextInt(6));
            case 6 -> Filters.eq("n", random.nextInt(20));
            case 7 -> Filters.and(Filters.gte("n", random.nextInt(20)), Filters.lte("n", 12L));
            case 8 -> Filters.lt("n", random.nextInt(20) + 0.5);
            case 9 -> Filters.gte("n", "n2");
            case 10 -> Filters.eq("maybe", "m" + random.nextInt(4));
            case 11 -> Filters.eq("maybe", null);
            case 12 -> Filters.ne("flag", true);
            case 13 -> Filters.and(Filters.eq("tags", "s1"), Filters.lte("due", at), Filters.ne("n", 3));
            case 14 -> Filters.or(Filters.eq("flag", true), Filters.lte("due", at));
            default -> Filters.size("tags", 0);
        };
    }

    /** What {@code scenario} gives on mongo-java-server's own H2 backend (in memory), given its URI. */
    private static List<String> onTheLibrarysBackend(Function<String, List<String>> scenario) {
        MongoServer library = new MongoServer(H2Backend.inMemory());
        try {
            return scenario.apply("mongodb://127.0.0.1:" + library.bind().getPort());
        } finally {
            library.shutdown();
        }
    }

    /** What {@code scenario} gives on the local stack's emulator (in memory), given its URI. */
    private static List<String> onTheEmulator(Function<String, List<String>> scenario) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, null)) {
            return scenario.apply("mongodb://127.0.0.1:" + mongo.port());
        }
    }

    private static boolean refused(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return false;
        } catch (MongoWriteException e) {
            return true;
        }
    }
}
