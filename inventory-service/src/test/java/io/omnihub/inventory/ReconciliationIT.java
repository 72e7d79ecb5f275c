package io.omnihub.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.Topics;
import io.omnihub.inventory.StockUpdatesTopic.Figure;
import io.omnihub.testsupport.TestIdentities;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciliation end to end: the catalog's golden product priced, omnihub's ledger, a full snapshot, and the
 * drift reports through the API; and the store scope of every stock endpoint.
 */
class ReconciliationIT extends EmbeddedInventory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");
    /** The golden product's EAN: discounted price 299.9. */
    private static final String PRICED = "7891000000007";
    private static final String SAME = "7891000015834";
    private static final String UNPRICED = "7891000007914";

    @Autowired
    MongoTemplate mongo;

    @Test
    void afterAFullSnapshotEachStoreGetsItsDriftInUnitsAndValue() {
        commands.sendTo(Topics.CATALOG_PRODUCTS, "1001", "io.omnihub.catalog.product-upserted",
                Golden.bytes("catalog.products/product-upserted.json"));
        // the drift is valued at the prices known when the snapshot closes: the catalog's row must be in first (its
        // consumer may start after the stock's on a busy machine)
        await().atMost(PATIENCE).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(PRICED)), "prices"));
        String store = "DRIFT-" + UUID.randomUUID().toString().substring(0, 6);
        topic.figure(Figure.partial(store, PRICED, 10, MONDAY, "imp-before", 1));
        topic.figure(Figure.partial(store, SAME, 5, MONDAY, "imp-before", 2));
        topic.figure(Figure.partial(store, UNPRICED, 4, MONDAY, "imp-before", 3));
        awaitStoreItems(store, 3);
        // an online order took 2 of PRICED from the shelf after Monday's figure: omnihub expects 8 on Tuesday
        String orderId = "ord-drift-" + UUID.randomUUID();
        commands.reserve("res-" + orderId, orderId, store, Map.of(PRICED, 2L));
        commands.send(orderId, "io.omnihub.orders.consume-stock", JSON.writeValueAsBytes(Map.of(
                "commandId", "con-" + orderId, "orderId", orderId, "fulfillmentId", "ful-" + orderId,
                "storeId", store, "lines", List.of(Map.of("ean", PRICED, "quantity", 2)),
                "at", MONDAY.plusSeconds(3600).toString())));
        // 10 - 2 consumed - safety stock 3 of this EAN, nothing held any more: the consumption is stored
        await().atMost(PATIENCE).until(() -> stockAt(PRICED, store), stock -> stock.path("available").asLong() == 5
                && stock.path("reserved").asLong() == 0);

        // the ERP counts 7 of PRICED, 5 of SAME, and leaves UNPRICED out
        String snapshotId = "snap-drift-" + UUID.randomUUID();
        Figure priced = Figure.full(store, PRICED, 7, TUESDAY, snapshotId, 2);
        Figure same = Figure.full(store, SAME, 5, TUESDAY, snapshotId, 3);
        topic.figure(priced);
        topic.figure(same);
        long[] rows = new long[StockUpdatesTopic.PARTITIONS];
        rows[priced.partition()]++;
        rows[same.partition()]++;
        for (int partition = 0; partition < StockUpdatesTopic.PARTITIONS; partition++) {
            topic.marker(snapshotId, List.of(store), TUESDAY, partition, rows[partition]);
        }

        JsonNode report = await().atMost(PATIENCE).until(() -> http.getForEntity("/api/v1/stores/" + store
                + "/stock/drift", JsonNode.class), response -> response.getStatusCode() == HttpStatus.OK).getBody();

        assertThat(report.path("snapshotId").asString()).isEqualTo(snapshotId);
        assertThat(report.path("pairs").asLong()).isEqualTo(2);
        assertThat(report.path("unitsShort").asLong()).isEqualTo(1 + 4);
        assertThat(report.path("unitsOver").asLong()).isZero();
        assertThat(report.path("netUnits").asLong()).isEqualTo(-5);
        assertThat(report.path("value").decimalValue()).isEqualByComparingTo(new BigDecimal("-299.90"));
        assertThat(report.path("unpricedPairs").asLong()).isEqualTo(1);
        assertThat(report.path("totalItems").asLong()).isEqualTo(2);
        JsonNode first = report.path("items").get(0);
        assertThat(first.path("ean").asString()).isEqualTo(PRICED);
        assertThat(first.path("expected").asLong()).isEqualTo(8);
        assertThat(first.path("reported").asLong()).isEqualTo(7);
        assertThat(first.path("difference").asLong()).isEqualTo(-1);
        assertThat(first.path("unitPrice").decimalValue()).isEqualByComparingTo(new BigDecimal("299.9"));
        JsonNode second = report.path("items").get(1);
        assertThat(second.path("ean").asString()).isEqualTo(UNPRICED);
        assertThat(second.path("expected").asLong()).isEqualTo(4);
        assertThat(second.path("reported").asLong()).isZero();
        assertThat(second.path("value").isNull()).isTrue();
        JsonNode paged = http.getForObject("/api/v1/stores/" + store + "/stock/drift?size=1&page=1", JsonNode.class);
        assertThat(paged.path("items")).hasSize(1);
        assertThat(paged.path("items").get(0).path("ean").asString()).isEqualTo(UNPRICED);
        assertThat(paged.path("totalPages").asLong()).isEqualTo(2);

        JsonNode snapshot = http.getForObject("/api/v1/stock/snapshots/" + snapshotId + "/drift", JsonNode.class);
        assertThat(snapshot.path("stores")).hasSize(1);
        assertThat(snapshot.path("stores").get(0).path("storeId").asString()).isEqualTo(store);
        assertThat(snapshot.path("stores").get(0).path("unitsShort").asLong()).isEqualTo(5);

        // another store's key sees none of it
        assertThat(getAs("LJ001", "/api/v1/stores/" + store + "/stock/drift").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(getAs("LJ001", "/api/v1/stock/snapshots/" + snapshotId + "/drift").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(getAs(store, "/api/v1/stock/snapshots/" + snapshotId + "/drift").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aStoresKeySeesOnlyItsOwnStock() {
        // stores of this test's own: the fixtures' journey, in the same application, owns LJ001's whole stock
        String ean = StockUpdatesIT.eans(300).get(299);
        topic.figure(Figure.partial("SCOPE-1", ean, 3, MONDAY, "imp-scope", 1));
        topic.figure(Figure.partial("SCOPE-2", ean, 4, MONDAY, "imp-scope", 2));
        awaitStock(ean, "SCOPE-1", 3);
        awaitStock(ean, "SCOPE-2", 4);

        ResponseEntity<JsonNode> own = getAs("SCOPE-1", "/api/v1/stock/" + ean);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().path("stores").findValues("storeId")).extracting(JsonNode::asString)
                .containsExactly("SCOPE-1");
        assertThat(getAs("SCOPE-1", "/api/v1/stores/SCOPE-1/stock").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> other = getAs("LJ001", "/api/v1/stores/SCOPE-2/stock");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getBody().path("detail").asString()).contains("SCOPE-2");
        assertThat(getAs("LJ001", "/api/v1/stock/" + ean).getStatusCode()).as("LJ001 holds none of it")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/api/v1/stock/" + ean, JsonNode.class).path("stores")).as("an operator")
                .hasSize(2);
    }

    private ResponseEntity<JsonNode> getAs(String store, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Omnihub-Identity", TestIdentities.tokenFor(TestIdentities.store(store)));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
