package io.omnihub.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.omnihub.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * A generated partial stock file of one store of its own (one row per EAN), the figures it must leave behind, and
 * the checks that it was imported exactly once: one job COMPLETED with every row, one distinct event per row on
 * {@code inventory.stock-updates} (a redone import may send a row again, always with the same id and figure), and
 * inventory's figures equal to the file's.
 */
final class StockFile {

    private final String storeId;
    private final String key;
    private final Map<String, Long> figures;
    private final Instant asOf;

    private StockFile(String storeId, String key, Map<String, Long> figures, Instant asOf) {
        this.storeId = storeId;
        this.key = key;
        this.figures = figures;
        this.asOf = asOf;
    }

    /** {@code rows} EANs numbered from {@code firstEan}, each with its own quantity. */
    static StockFile of(String storeId, long firstEan, int rows) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (int i = 0; i < rows; i++) {
            figures.put(Gtins.ean13(firstEan + i), (long) (i * 7 % 50 + 1));
        }
        return new StockFile(storeId, "stock/partial/fault-" + storeId + "-" + UUID.randomUUID() + ".json", figures,
                Instant.now());
    }

    String storeId() {
        return storeId;
    }

    String key() {
        return key;
    }

    Map<String, Long> figures() {
        return figures;
    }

    int rows() {
        return figures.size();
    }

    boolean isOurs(String recordKey) {
        return recordKey.startsWith(storeId + ":");
    }

    byte[] json() {
        List<Map<String, Object>> items = new ArrayList<>(figures.size());
        figures.forEach((ean, quantity) -> items.add(Map.of("ean", ean, "storeId", storeId, "quantity", quantity)));
        return Client.JSON.writeValueAsBytes(Map.of("asOf", asOf.toString(), "items", items));
    }

    /** The job's state as stored in ingest's database: read straight from MongoDB while ingest itself is dead. */
    String storedState(LocalStack stack) {
        try (MongoClient mongo = MongoClients.create(stack.mongoUri("ingest"))) {
            Document job = mongo.getDatabase("ingest").getCollection("imports")
                    .find(new Document("objectKey", key)).first();
            return job == null ? "no job" : job.getString("state");
        }
    }

    /** Waits until the import of this file is final, then checks it is one job, COMPLETED with every row. */
    JsonNode awaitCompletedOnce(Client client, Duration patience) {
        List<JsonNode> jobs = await("the import of " + key).atMost(patience).pollInterval(Duration.ofSeconds(1))
                .until(() -> jobsOf(client), found -> found.size() == 1 && isFinal(found.get(0)));
        JsonNode job = jobs.get(0);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsAccepted").asLong()).as(job.toString()).isEqualTo(rows());
        assertThat(job.path("rowsRejected").asLong()).as(job.toString()).isZero();
        return job;
    }

    /**
     * Every row of the file is on the topic under its own id ({@code <importId>:<row>}), none missing, none extra;
     * a row sent again by a redone import repeats the same id and figure. Other imports of the store are ignored.
     */
    void assertEachRowPublishedOnce(TopicReader reader, String importId, Duration patience) {
        await("every row of " + key + " on the topic (distinct event ids)").atMost(patience)
                .until(() -> distinctIds(ofImport(reader.poll(), importId)).size(), count -> count >= rows());
        Map<String, TopicReader.Event> byId = new HashMap<>();
        for (TopicReader.Event event : ofImport(reader.poll(), importId)) {
            TopicReader.Event first = byId.putIfAbsent(event.id(), event);
            if (first != null) {
                assertThat(event.key()).as("a row sent again keeps its pair").isEqualTo(first.key());
                assertThat(event.value().path("quantity").asLong()).isEqualTo(first.value().path("quantity").asLong());
            }
        }
        assertThat(byId).hasSize(rows());
        Map<String, Long> published = byId.values().stream().collect(Collectors.toMap(
                event -> event.value().path("ean").asString(), event -> event.value().path("quantity").asLong()));
        assertThat(published).isEqualTo(figures);
    }

    private static List<TopicReader.Event> ofImport(List<TopicReader.Event> events, String importId) {
        return events.stream().filter(event -> event.id() != null && event.id().startsWith(importId + ":")).toList();
    }

    /** Inventory holds exactly the file's figures for the store (with {@code overrides}): every pair, no other. */
    void awaitFiguresInInventory(Client client, Map<String, Long> overrides, Duration patience) {
        Map<String, Long> expected = new HashMap<>(figures);
        expected.putAll(overrides);
        await("inventory's figures of " + storeId).atMost(patience).pollInterval(Duration.ofSeconds(2))
                .until(() -> differences(expected, client.stockOf(storeId)), String::isEmpty);
    }

    /** Empty when the stock matches; else how many pairs differ and a few of them (not thousands of lines). */
    private static String differences(Map<String, Long> expected, Map<String, JsonNode> stock) {
        List<String> wrong = new ArrayList<>();
        expected.forEach((ean, quantity) -> {
            JsonNode item = stock.get(ean);
            if (item == null || item.path("onHand").asLong() != quantity) {
                wrong.add(ean + " expected " + quantity + " found " + (item == null ? "nothing"
                        : item.path("onHand").asLong()));
            }
        });
        stock.keySet().stream().filter(ean -> !expected.containsKey(ean)).forEach(ean -> wrong.add(ean + " extra"));
        return wrong.isEmpty() ? "" : wrong.size() + " of " + expected.size() + " pairs differ, e.g. "
                + wrong.subList(0, Math.min(5, wrong.size()));
    }

    private static Set<String> distinctIds(List<TopicReader.Event> events) {
        return events.stream().map(TopicReader.Event::id).collect(Collectors.toSet());
    }

    private static boolean isFinal(JsonNode job) {
        return !Set.of("RECEIVED", "RUNNING").contains(job.path("state").asString());
    }

    private List<JsonNode> jobsOf(Client client) throws InterruptedException {
        JsonNode jobs = client.find("/api/v1/imports?kind=STOCK_PARTIAL&size=200");
        List<JsonNode> ours = new ArrayList<>();
        if (jobs != null) {
            jobs.forEach(job -> {
                if (key.equals(job.path("objectKey").asString())) {
                    ours.add(job);
                }
            });
        }
        return ours;
    }
}
