package io.omnihub.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.DeadLetters;
import io.omnihub.inventory.StockUpdatesTopic.Figure;
import io.omnihub.platform.kafka.InvalidEventException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stock side end to end: real JSON with its {@code ce_type} on {@code inventory.stock-updates} in, the stock
 * API and {@code inventory.availability} out.
 */
class StockUpdatesIT extends EmbeddedInventory {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

    @Autowired
    @Qualifier("outboxRelay")
    SmartLifecycle relay;

    @Autowired
    MongoTemplate mongo;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<String> used = new HashSet<>();

    @Test
    void theProducersGoldenFigureIsAppliedAndItsAvailabilityPublished() {
        // the golden JSON as ingest writes it, its store renamed: the fixtures' journey, in the same application,
        // reports LJ002 itself
        ObjectNode golden = (ObjectNode) JSON.readTree(
                Golden.bytes("inventory.stock-updates/stock-level-reported.json"));
        golden.put("storeId", "GOLDEN");
        topic.send("GOLDEN:7891000015834", StockUpdatesTopic.STOCK_LEVEL_REPORTED, JSON.writeValueAsBytes(golden));

        JsonNode stock = awaitStock("7891000015834", "GOLDEN", 9);
        assertThat(stock.path("reserved").asLong()).isZero();
        assertThat(stock.path("available").asLong()).isEqualTo(8);
        assertThat(stock.path("asOf").asString()).isEqualTo("2026-11-28T17:30:00Z");

        JsonNode event = awaitAvailability("GOLDEN:7891000015834", 1);
        assertThat(event.path("storeId").asString()).isEqualTo("GOLDEN");
        assertThat(event.path("ean").asString()).isEqualTo("7891000015834");
        assertThat(event.path("onHand").asLong()).isEqualTo(9);
        assertThat(event.path("reserved").asLong()).isZero();
        assertThat(event.path("available").asLong()).isEqualTo(8);
        assertThat(Instant.parse(event.path("asOf").asString())).isEqualTo(Instant.parse("2026-11-28T17:30:00Z"));
        ConsumerRecord<String, byte[]> record = availability.records("GOLDEN:7891000015834").get(0);
        assertThat(AvailabilityTopic.header(record, "ce_type")).isEqualTo("io.omnihub.inventory.availability-changed");
        assertThat(AvailabilityTopic.header(record, "ce_id")).isEqualTo("GOLDEN:7891000015834:1");
        assertThat(AvailabilityTopic.header(record, "ce_source")).isEqualTo("/omnihub/inventory-service");
    }

    @Test
    void anOlderFigureArrivingAfterANewerOneChangesNothing() {
        topic.figure(Figure.partial("ST-OLD", "7891000000007", 4, TUESDAY, "imp-new", 1));
        awaitStock("7891000000007", "ST-OLD", 4);

        sendInOrderAndWait(Figure.partial("ST-OLD", "7891000000007", 10, MONDAY, "imp-old", 99));

        assertThat(stockAt("7891000000007", "ST-OLD").path("onHand").asLong()).isEqualTo(4);
        assertThat(stockAt("7891000000007", "ST-OLD").path("asOf").asString()).isEqualTo(TUESDAY.toString());
    }

    @Test
    void aRedeliveredFigureChangesAndAnnouncesNothingNew() {
        Figure figure = Figure.partial("ST-RED", "7891000000007", 6, MONDAY, "imp-red", 1);
        topic.figure(figure);
        awaitAvailability(figure.key(), 1);

        // the same record again, then a pair of the same partition: its announcement would come after another
        // announcement of the redelivered figure (same partition of inventory.availability, relayed in order)
        topic.figure(figure);
        Figure after = sameStorePairOnPartition("ST-RED", figure.partition());
        awaitAvailability(after.key(), 1);

        assertThat(availability.poll().records(figure.key())).hasSize(1);
        assertThat(stockAt("7891000000007", "ST-RED").path("onHand").asLong()).isEqualTo(6);
    }

    @Test
    void absentPairsOfAFullSnapshotBecomeZeroOnlyOnceEveryPartitionsMarkerIsRead() {
        String store = "ST-SNAP";
        String snapshotId = "imp-snap-" + UUID.randomUUID();
        List<String> eans = eans(12);
        // before the snapshot: every pair held, as of Monday
        for (int i = 0; i < eans.size(); i++) {
            topic.figure(Figure.partial(store, eans.get(i), 10 + i, MONDAY, "imp-before", i + 1));
        }
        awaitStoreItems(store, 12);
        // the snapshot names the first 8, on all three partitions; the last 4 are absent
        List<String> present = eans.subList(0, 8);
        List<String> absent = eans.subList(8, 12);
        long[] rowsByPartition = new long[StockUpdatesTopic.PARTITIONS];
        for (int i = 0; i < present.size(); i++) {
            Figure figure = Figure.full(store, present.get(i), 100 + i, TUESDAY, snapshotId, i + 2);
            rowsByPartition[figure.partition()]++;
            topic.figure(figure);
        }
        assertThat(rowsByPartition).as("the snapshot's rows are spread over every partition").doesNotContain(0L);

        topic.marker(snapshotId, List.of(store), TUESDAY, 2, rowsByPartition[2]);
        topic.marker(snapshotId, List.of(store), TUESDAY, 0, rowsByPartition[0]);
        // a figure after each marker on its partition: once both are applied, both markers have been read
        awaitApplied(sameStorePairOnPartition("ST-SENTINEL", 2));
        awaitApplied(sameStorePairOnPartition("ST-SENTINEL", 0));

        for (String ean : absent) {
            assertThat(stockAt(ean, store).path("onHand").asLong()).as(ean + " before the last marker")
                    .isEqualTo(10 + eans.indexOf(ean));
        }

        topic.marker(snapshotId, List.of(store), TUESDAY, 1, rowsByPartition[1]);

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String ean : absent) {
                JsonNode stock = stockAt(ean, store);
                assertThat(stock.path("onHand").asLong()).as(ean).isZero();
                assertThat(stock.path("available").asLong()).as(ean).isZero();
                assertThat(stock.path("asOf").asString()).as(ean).isEqualTo(TUESDAY.toString());
            }
        });
        for (int i = 0; i < present.size(); i++) {
            assertThat(stockAt(present.get(i), store).path("onHand").asLong()).isEqualTo(100 + i);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            availability.poll();
            for (String ean : absent) {
                JsonNode event = availability.latest(store + ":" + ean);
                assertThat(event == null ? -1 : event.path("onHand").asLong()).as(ean).isZero();
            }
        });
    }

    @Test
    void pagesAStoresStockByEan() {
        String store = "ST-PAGE";
        List<String> eans = eans(5);
        for (int i = eans.size() - 1; i >= 0; i--) {
            topic.figure(Figure.partial(store, eans.get(i), 3, MONDAY, "imp-page", 1));
        }
        awaitStoreItems(store, 5);

        JsonNode first = storePage(store, "size=2");
        JsonNode last = storePage(store, "size=2&page=2");
        JsonNode beyond = storePage(store, "size=2&page=3");

        assertThat(first.path("items").findValues("ean")).extracting(JsonNode::asString)
                .containsExactly(eans.get(0), eans.get(1));
        assertThat(first.path("items").get(0).path("storeId").asString()).isEqualTo(store);
        assertThat(first.path("items").get(0).path("onHand").asLong()).isEqualTo(3);
        assertThat(first.path("items").get(0).path("available").asLong()).isEqualTo(2);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("totalItems").asLong()).isEqualTo(5);
        assertThat(first.path("totalPages").asLong()).isEqualTo(3);
        assertThat(last.path("items").findValues("ean")).extracting(JsonNode::asString).containsExactly(eans.get(4));
        assertThat(beyond.path("items")).isEmpty();
    }

    @Test
    void answersProblemJsonForUnknownStockAndBadRequests() {
        assertProblem(http.getForEntity("/api/v1/stock/7890000000000", JsonNode.class), HttpStatus.NOT_FOUND);
        assertProblem(http.getForEntity("/api/v1/stock/not-an-ean", JsonNode.class), HttpStatus.BAD_REQUEST);
        assertProblem(http.getForEntity("/api/v1/stores/NO-SUCH-STORE/stock", JsonNode.class), HttpStatus.NOT_FOUND);
        assertProblem(http.getForEntity("/api/v1/stores/LJ001/stock?size=0", JsonNode.class), HttpStatus.BAD_REQUEST);
        assertProblem(http.getForEntity("/api/v1/stores/LJ001/stock?page=-1", JsonNode.class),
                HttpStatus.BAD_REQUEST);
        assertProblem(http.getForEntity("/api/v1/stores/LJ001/stock?size=201", JsonNode.class),
                HttpStatus.BAD_REQUEST);
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.path("paths").has("/api/v1/stock/{ean}")).isTrue();
        assertThat(api.path("paths").has("/api/v1/stores/{storeId}/stock")).isTrue();
    }

    @Test
    void aFigureThatCanNeverBeAppliedGoesToTheDeadLetterTopic() {
        Figure negative = Figure.partial("ST-DLT", "7891000000007", 1, MONDAY, "imp-dlt", 1);

        ConsumerRecord<String, byte[]> dead = deadLetterOf(() -> topic.send(negative.key(),
                StockUpdatesTopic.STOCK_LEVEL_REPORTED, negative.json(Map.of("quantity", -5))), negative.key());

        assertThat(AvailabilityTopic.header(dead, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(InvalidEventException.class.getName());
        assertThat(AvailabilityTopic.header(dead, "kafka_dlt-exception-message")).contains("quantity");
    }

    @Test
    void aRecordWithoutCloudEventsTypeGoesToTheDeadLetterTopicAtOnceSayingSo() {
        Figure untyped = Figure.partial("ST-UNTYPED", "7891000000007", 1, MONDAY, "imp-untyped", 1);

        ConsumerRecord<String, byte[]> dead = deadLetterOf(() -> topic.send(untyped.key(), null, untyped.json()),
                untyped.key());

        assertThat(AvailabilityTopic.header(dead, "kafka_dlt-exception-message")).contains("without a known ce_type");
        assertThat(http.getForEntity("/api/v1/stores/ST-UNTYPED/stock", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anEventOfATypeThisTopicDoesNotCarryGoesToTheDeadLetterTopic() {
        ConsumerRecord<String, byte[]> dead = deadLetterOf(() -> topic.send("ST-OTHER:7891000000007",
                "io.omnihub.catalog.category-imported", Golden.bytes("catalog.categories/category-imported.json")),
                "ST-OTHER:7891000000007");

        assertThat(AvailabilityTopic.header(dead, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(InvalidEventException.class.getName());
        assertThat(AvailabilityTopic.header(dead, "kafka_dlt-exception-message"))
                .contains("io.omnihub.catalog.category-imported");
    }

    @Test
    void aChangeStoredWhileTheRelayIsDownIsPublishedOnceItRuns() {
        Figure figure = Figure.partial("ST-RELAY", "7891000000007", 8, MONDAY, "imp-relay", 1);
        relay.stop();
        try {
            // the figure and its availability are stored, as if the process died before it could relay them
            topic.figure(figure);
            awaitStock(figure.ean(), figure.storeId(), 8);
            for (int poll = 0; poll < 4; poll++) {
                assertThat(availability.poll().records(figure.key())).isEmpty();
            }
        } finally {
            relay.start();
        }

        JsonNode event = await().atMost(PATIENCE).until(() -> availability.poll().latest(figure.key()),
                latest -> latest != null);
        assertThat(event.path("onHand").asLong()).isEqualTo(8);
        assertThat(event.path("available").asLong()).isEqualTo(8 - 3);
        assertThat(event.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aCrashBetweenTheOutboxEntryAndTheRelayLosesNothingAndAnnouncesNothingThatWasNotWritten() {
        Figure written = Figure.partial("ST-CRASH", "7891000000007", 8, MONDAY, "imp-crash", 1);
        Figure later = Figure.partial("ST-CRASH", "7891000000007", 5, TUESDAY, "imp-crash-2", 2);
        String neverWritten = "ST-CRASH:7891000015834";
        relay.stop();
        try {
            // two batches stored with their outbox entries; the relay, as after a kill -9, never heard of them
            topic.figure(written, "import-crash");
            awaitStock(written.ean(), written.storeId(), 8);
            topic.figure(later, "import-crash-2");
            awaitStock(later.ean(), later.storeId(), 5);
            // and an entry stored by a batch that died before its bulk write ran
            mongo.insert(new org.bson.Document("_id", "crashed-" + UUID.randomUUID())
                    .append("pairs", List.of(neverWritten)).append("createdAt", new java.util.Date()),
                    "availability_outbox");
            assertThat(outboxEntriesNaming("ST-CRASH:")).hasSize(3);
            assertThat(availability.poll().records(written.key())).isEmpty();
        } finally {
            relay.start();
        }

        // the restarted relay announces the pair as stored (its newest version), nothing for the unwritten pair
        JsonNode event = await().atMost(PATIENCE).until(() -> availability.poll().latest(written.key()),
                latest -> latest != null && latest.path("version").asLong() == 2);
        assertThat(event.path("onHand").asLong()).isEqualTo(5);
        assertThat(event.path("available").asLong()).isEqualTo(5 - 3);
        assertThat(AvailabilityTopic.header(availability.records(written.key())
                .get(availability.records(written.key()).size() - 1), "correlation-id")).isEqualTo("import-crash-2");
        await().atMost(PATIENCE).until(() -> outboxEntriesNaming("ST-CRASH:"), List::isEmpty);
        assertThat(availability.poll().records(neverWritten)).isEmpty();
    }

    private List<org.bson.Document> outboxEntriesNaming(String prefix) {
        return mongo.find(new Query(), org.bson.Document.class, "availability_outbox").stream()
                .filter(entry -> entry.getList("pairs", String.class).stream().anyMatch(p -> p.startsWith(prefix)))
                .toList();
    }

    /** Sends the figure, then another of the same partition, and waits for that one: the first is handled too. */
    private void sendInOrderAndWait(Figure figure) {
        topic.figure(figure);
        awaitApplied(sameStorePairOnPartition("ST-SENTINEL", figure.partition()));
    }

    private void awaitApplied(Figure figure) {
        awaitStock(figure.ean(), figure.storeId(), figure.quantity());
    }

    /** Sends a fresh pair of {@code store} whose key lands on {@code partition}; answers it. */
    private Figure sameStorePairOnPartition(String store, int partition) {
        for (String ean : eans(200)) {
            Figure candidate = Figure.partial(store, ean, 1 + Math.floorMod(System.nanoTime(), 1000), Instant.now(),
                    "imp-sentinel", 1);
            if (candidate.partition() == partition && !used.contains(candidate.key())) {
                used.add(candidate.key());
                topic.figure(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("no fresh key on partition " + partition);
    }

    private JsonNode awaitAvailability(String key, long version) {
        return await().atMost(PATIENCE).until(() -> availability.poll().latest(key),
                event -> event != null && event.path("version").asLong() == version);
    }

    /** EANs of 13 digits with a valid check digit, the same for a given count. */
    static List<String> eans(int count) {
        List<String> eans = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String body = String.format("789555%06d", i);
            int sum = 0;
            for (int d = 0; d < body.length(); d++) {
                sum += (body.charAt(d) - '0') * (d % 2 == 0 ? 1 : 3);
            }
            eans.add(body + (10 - sum % 10) % 10);
        }
        return eans;
    }

    private ConsumerRecord<String, byte[]> deadLetterOf(Runnable sending, String key) {
        return DeadLetters.of(kafka.getBrokersAsString(), Topics.INVENTORY_STOCK_UPDATES, key, PATIENCE, sending);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(response.getHeaders().getContentType())).isTrue();
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().path("detail").asString()).isNotBlank();
    }
}
