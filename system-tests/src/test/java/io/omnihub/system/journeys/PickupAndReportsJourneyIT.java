package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.localstack.LocalStack;
import io.omnihub.testsupport.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pick-up-in-store order through the gateway, as the store's app and the channel would follow it: placed for
 * LJ003, found by the store's polling, accepted, ready for pickup (5), handed over with a signed receipt as proof
 * of delivery (4); then the operator's reports (list, summary, CSV and Excel exports) show it, and a key of
 * another store cannot ask for LJ003's figures.
 */
class PickupAndReportsJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SITE = "site-pickup-journey";
    private static final String STORE = "LJ003";
    private static final String REFERENCE = "J-9102";
    private static final String EAN = "7891000991022";
    /** The smallest PDF a store's app would upload for a receipt signed at the counter. */
    private static final byte[] RECEIPT = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final LocalStack stack = EmbeddedStack.get();
    private final Erp operator = new Erp(stack, Erp.OPERATOR);
    private final Erp erp = new Erp(stack, Erp.ERP);
    private final Erp channel = new Erp(stack, Erp.CHANNEL);
    private final Erp store = new Erp(stack, Erp.storeKey(STORE));
    private final Erp otherStore = new Erp(stack, Erp.storeKey("LJ001"));

    @Test
    void pickupOrderIsReadyThenHandedOverAndShowsUpInTheReports() throws Exception {
        // given the fixture stores, a profile for the site, a product and two units at the pickup store
        for (JsonNode fixture : JSON.readTree(Fixtures.bytes("stores.json")).path("stores")) {
            HttpResponse<String> put = operator.send("PUT", "/api/v1/stores/" + fixture.path("storeId").asString(),
                    "application/json", JSON.writeValueAsBytes(fixture));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        HttpResponse<String> profile = operator.send("PUT", "/api/v1/routing-profiles/" + SITE, "application/json",
                JSON.writeValueAsBytes(Map.of("filters", List.of("SERVES_JOURNEY"), "ranking", List.of("PRIORITY"),
                        "splitAllowed", false, "maxSplits", 1, "acceptanceDeadline", "PT1H")));
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(erp.postJson("/api/v1/products", JSON.writeValueAsBytes(Map.of("items", List.of(Map.of(
                "reference", REFERENCE, "ean", EAN, "name", "Mochila Retirada", "brand", "Aurora",
                "category", "Acessórios > Mochilas", "price", 199.90, "discountedPrice", 179.90)))))
                .statusCode()).isEqualTo(202);
        assertThat(erp.postJson("/api/v1/stock?mode=partial", JSON.writeValueAsBytes(Map.of("asOf",
                Instant.now().toString(), "items", List.of(Map.of("ean", EAN, "storeId", STORE, "quantity", 2)))))
                .statusCode()).isEqualTo(202);
        byte[] dryRun = JSON.writeValueAsBytes(order("dry-run"));
        await().atMost(PATIENCE).until(() -> operator.json(operator.postJson("/api/v1/routing-profiles/" + SITE
                + "/dry-run", dryRun).body()).path("assignments"), assignments -> assignments.size() == 1
                        && assignments.get(0).path("storeId").asString().equals(STORE));

        // when the channel places the pickup order
        String channelOrderId = "PICKUP-J-" + UUID.randomUUID();
        HttpResponse<String> placed = channel.postJson("/api/v1/orders", JSON.writeValueAsBytes(order(channelOrderId)),
                "Idempotency-Key", channelOrderId);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String orderId = channel.json(placed.body()).path("orderId").asString();

        // then the pickup store finds it by polling, accepts it and tells the customer it is ready
        JsonNode offered = await().atMost(PATIENCE).until(() -> offeredTo(orderId), found -> found != null);
        String fulfillmentId = offered.path("fulfillmentId").asString();
        assertThat(store.postJson("/api/v1/fulfillments/" + fulfillmentId + "/acceptance",
                "{\"decision\": \"ACCEPT_ALL\"}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(status(fulfillmentId, "{\"status\": 5}").statusCode()).isEqualTo(200);
        assertThat(store.getBytes("/api/v1/fulfillments/" + fulfillmentId + "/shipping-label").statusCode())
                .as("a pickup has no parcel to label").isEqualTo(409);
        assertThat(channel.get("/api/v1/orders/" + orderId).path("status").asString()).isEqualTo("READY_FOR_PICKUP");

        // when the customer collects it: the signed receipt is the proof of delivery, then DELIVERED
        HttpResponse<String> proof = store.send("PUT", "/api/v1/fulfillments/" + fulfillmentId + "/proof-of-delivery",
                "application/pdf", RECEIPT);
        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(201);
        assertThat(otherStore.getBytes("/api/v1/fulfillments/" + fulfillmentId + "/proof-of-delivery").statusCode())
                .isEqualTo(403);
        assertThat(status(fulfillmentId, "{\"status\": \"DELIVERED\"}").statusCode()).isEqualTo(200);

        // then tracking tells the whole story, with the receipt
        JsonNode tracking = channel.get("/api/v1/orders/" + orderId + "/tracking");
        assertThat(tracking.path("status").asString()).isEqualTo("DELIVERED");
        JsonNode fulfillment = tracking.path("fulfillments").get(0);
        assertThat(fulfillment.path("timeline").findValuesAsString("status"))
                .containsSubsequence("ASSIGNED", "ACCEPTED", "READY_FOR_PICKUP", "DELIVERED");
        assertThat(fulfillment.path("documents").path("proofOfDelivery").path("contentType").asString())
                .isEqualTo("application/pdf");
        HttpResponse<byte[]> receiptBack = store.getBytes("/api/v1/fulfillments/" + fulfillmentId
                + "/proof-of-delivery");
        assertThat(receiptBack.body()).isEqualTo(RECEIPT);

        // and the reports: the list, the summary, and both exports of the site
        JsonNode listed = operator.get("/api/v1/orders?siteId=" + SITE + "&reference=" + REFERENCE + "&size=500");
        assertThat(listed.path("items").findValuesAsString("orderId")).contains(orderId);
        JsonNode summary = operator.get("/api/v1/orders/summary?siteId=" + SITE + "&status=DELIVERED");
        assertThat(summary.path("orders").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.path("byStore").findValuesAsString("key")).contains(STORE);
        HttpResponse<byte[]> csv = operator.getBytes("/api/v1/orders/export?format=csv&siteId=" + SITE);
        assertThat(csv.statusCode()).isEqualTo(200);
        String rows = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(rows.lines().filter(line -> line.contains(orderId)).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains(fulfillmentId, STORE, "DELIVERED", EAN, REFERENCE));
        HttpResponse<byte[]> xlsx = store.getBytes("/api/v1/orders/export?format=xlsx&storeId=" + STORE);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).as("a zip: an xlsx workbook")
                .isEqualTo("PK");
        assertThat(otherStore.send("GET", "/api/v1/orders/summary?storeId=" + STORE, null, null).statusCode())
                .isEqualTo(403);
    }

    private JsonNode offeredTo(String orderId) throws Exception {
        JsonNode polled = store.find("/api/v1/stores/" + STORE + "/fulfillments?status=ASSIGNED&siteId=" + SITE);
        if (polled == null) {
            return null;
        }
        for (JsonNode fulfillment : polled.path("items")) {
            if (orderId.equals(fulfillment.path("orderId").asString())) {
                return fulfillment;
            }
        }
        return null;
    }

    private HttpResponse<String> status(String fulfillmentId, String body) throws Exception {
        HttpResponse<String> answer = store.postJson("/api/v1/fulfillments/" + fulfillmentId + "/status",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(body + " → " + answer.body()).isLessThan(300);
        return answer;
    }

    private static Map<String, Object> order(String channelOrderId) {
        return Map.of("siteId", SITE, "channelOrderId", channelOrderId, "journey", "PICKUP_IN_STORE",
                "customer", Map.of("name", "Bruno Lima", "document", "52998224725", "email", "bruno@example.com"),
                "pickupStoreId", STORE,
                "lines", List.of(Map.of("ean", EAN, "quantity", 1, "unitPrice", 179.90)));
    }
}
