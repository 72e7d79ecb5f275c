package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.localstack.LocalStack;
import io.omnihub.testsupport.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An online order through the gateway: the fixture stores, a product and its stock from the ERP, the order from a
 * channel, the assignment on Kafka (read with a plain Kafka client), one unit rejected and re-routed to the other
 * store, accepted, shipped (3) with its label, delivered (4) with a proof of delivery, returned in store with a
 * coupon, the unit back in the store's stock and the coupon spent in part through the coupons API. Each
 * assignment carries the correlation id of the request that caused it.
 */
class OrderJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SITE = "site-journey";
    private static final String REFERENCE = "J-9001";
    private static final String EAN = "7891000990018";
    /** A 1×1 PNG, as a store's app would photograph the delivery. */
    private static final byte[] TINY_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final LocalStack stack = EmbeddedStack.get();
    private final Erp operator = new Erp(stack, Erp.OPERATOR);
    private final Erp erp = new Erp(stack, Erp.ERP);
    private final Erp channel = new Erp(stack, Erp.CHANNEL);
    private final Erp lj001 = new Erp(stack, Erp.storeKey("LJ001"));
    private final Erp lj002 = new Erp(stack, Erp.storeKey("LJ002"));

    @Test
    void placeAssignRejectOneRerouteAcceptShipDeliverAndReturnInStore() throws Exception {
        // given the fixture stores, a routing profile that prefers LJ001, a product and stock at both stores
        for (JsonNode store : JSON.readTree(Fixtures.bytes("stores.json")).path("stores")) {
            HttpResponse<String> put = operator.send("PUT", "/api/v1/stores/" + store.path("storeId").asString(),
                    "application/json", JSON.writeValueAsBytes(store));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        HttpResponse<String> profile = operator.send("PUT", "/api/v1/routing-profiles/" + SITE, "application/json",
                JSON.writeValueAsBytes(Map.of("filters", List.of("SERVES_JOURNEY", "CAPACITY_TODAY"), "ranking",
                        List.of("PRIORITY"), "splitAllowed", true, "maxSplits", 2, "acceptanceDeadline", "PT1H")));
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(erp.postJson("/api/v1/products", JSON.writeValueAsBytes(Map.of("items", List.of(Map.of(
                "reference", REFERENCE, "ean", EAN, "name", "Jaqueta Jornada", "brand", "Aurora", "price", 499.90,
                "discountedPrice", 449.90))))).statusCode()).isEqualTo(202);
        assertThat(erp.postJson("/api/v1/stock?mode=partial", JSON.writeValueAsBytes(Map.of("asOf",
                Instant.now().toString(), "items", List.of(Map.of("ean", EAN, "storeId", "LJ001", "quantity", 5),
                        Map.of("ean", EAN, "storeId", "LJ002", "quantity", 5))))).statusCode()).isEqualTo(202);
        byte[] dryRun = JSON.writeValueAsBytes(order("dry-run"));
        await().atMost(PATIENCE).until(() -> operator.json(operator.postJson("/api/v1/routing-profiles/" + SITE
                + "/dry-run", dryRun).body()).path("assignments"), assignments -> assignments.size() == 1
                        && assignments.get(0).path("storeId").asString().equals("LJ001"));

        try (KafkaConsumer<String, String> kafka = assignments()) {
            // when a channel places the order (by product reference), retrying once with the same key
            String channelOrderId = "ECOM-J-" + UUID.randomUUID();
            byte[] body = JSON.writeValueAsBytes(order(channelOrderId));
            String placedAs = "channel-checkout-" + channelOrderId;
            HttpResponse<String> placed = channel.postJson("/api/v1/orders", body, "Idempotency-Key", channelOrderId,
                    "X-Correlation-Id", placedAs);
            HttpResponse<String> retried = channel.postJson("/api/v1/orders", body, "Idempotency-Key", channelOrderId);
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
            String orderId = channel.json(placed.body()).path("orderId").asString();
            assertThat(channel.json(retried.body()).path("orderId").asString()).isEqualTo(orderId);

            // then LJ001 is offered the fulfilment on Kafka, keyed by its store id, under the checkout's
            // correlation id (carried through order-service's outbox, the reservation at inventory and back)
            ConsumerRecord<String, String> offered = awaitRecord(kafka, "LJ001", orderId);
            assertThat(correlationId(offered)).isEqualTo(placedAs);
            JsonNode offer = JSON.readTree(offered.value());
            String first = offer.path("fulfillmentId").asString();
            assertThat(offer.path("lines").get(0).path("reference").asString()).isEqualTo(REFERENCE);
            assertThat(offer.path("lines").get(0).path("quantity").asLong()).isEqualTo(2);
            JsonNode polled = lj001.get("/api/v1/stores/LJ001/fulfillments?status=ASSIGNED&siteId=" + SITE);
            assertThat(polled.path("items").findValuesAsString("fulfillmentId")).contains(first);
            assertThat(lj002.send("GET", "/api/v1/fulfillments/" + first, null, null).statusCode()).isEqualTo(403);

            // when LJ001 rejects one unit as damaged, and LJ002 accepts the re-routed unit
            String rejectedAs = "lj001-pos-rejection-" + channelOrderId;
            HttpResponse<String> partial = lj001.postJson("/api/v1/fulfillments/" + first + "/acceptance",
                    JSON.writeValueAsBytes(Map.of("decision", "PARTIAL", "lines", List.of(Map.of("ean", EAN,
                            "acceptedQuantity", 1, "rejectedQuantity", 1, "reason", "DAMAGED")))),
                    "X-Correlation-Id", rejectedAs);
            assertThat(partial.statusCode()).as(partial.body()).isEqualTo(200);
            ConsumerRecord<String, String> reassigned = awaitRecord(kafka, "LJ002", orderId);
            assertThat(correlationId(reassigned)).isEqualTo(rejectedAs);
            JsonNode rerouted = JSON.readTree(reassigned.value());
            String second = rerouted.path("fulfillmentId").asString();
            assertThat(rerouted.path("lines").get(0).path("quantity").asLong()).isEqualTo(1);
            assertThat(lj002.postJson("/api/v1/fulfillments/" + second + "/acceptance",
                    "{\"decision\": \"ACCEPT_ALL\"}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

            // and LJ001 ships (3) and delivers (4)
            HttpResponse<String> shipped = lj001.postJson("/api/v1/fulfillments/" + first + "/status",
                    "{\"status\": 3, \"carrier\": \"Correios\", \"trackingCode\": \"BR123456789\"}"
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
            HttpResponse<byte[]> label = lj001.getBytes("/api/v1/fulfillments/" + first + "/shipping-label");
            assertThat(label.statusCode()).isEqualTo(200);
            assertThat(label.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/pdf"));
            assertThat(new String(label.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(lj002.getBytes("/api/v1/fulfillments/" + first + "/shipping-label").statusCode())
                    .isEqualTo(403);
            assertThat(lj001.postJson("/api/v1/fulfillments/" + first + "/status",
                    "{\"status\": \"DELIVERED\"}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
            HttpResponse<String> proof = lj001.send("PUT", "/api/v1/fulfillments/" + first + "/proof-of-delivery",
                    "image/png", TINY_PNG);
            assertThat(proof.statusCode()).as(proof.body()).isEqualTo(201);
            HttpResponse<byte[]> proofBack = lj001.getBytes("/api/v1/fulfillments/" + first + "/proof-of-delivery");
            assertThat(proofBack.statusCode()).isEqualTo(200);
            assertThat(proofBack.body()).isEqualTo(TINY_PNG);
            JsonNode order = channel.get("/api/v1/orders/" + orderId);
            assertThat(order.path("fulfillments").findValuesAsString("status")).contains("DELIVERED", "ACCEPTED");

            // then, the consumption settled at LJ001, a return in store puts the unit back
            long afterDelivery = await().atMost(PATIENCE).until(() -> stockAt("LJ001"),
                    stock -> stock != null && stock.path("reserved").asLong() == 0).path("available").asLong();
            HttpResponse<String> returned = lj001.postJson("/api/v1/fulfillments/" + first + "/returns",
                    JSON.writeValueAsBytes(Map.of("returnId", "ret-" + channelOrderId, "lines", List.of(Map.of(
                            "ean", EAN, "quantity", 1)), "coupon", Map.of("amount", 449.90, "currency", "BRL"))));
            assertThat(returned.statusCode()).as(returned.body()).isEqualTo(201);
            await().atMost(PATIENCE).until(() -> stockAt("LJ001").path("available").asLong() == afterDelivery + 1);
            JsonNode tracked = channel.get("/api/v1/orders/" + orderId);
            assertThat(tracked.path("fulfillments").findValuesAsString("status")).contains("RETURNED");

            // and the store credit is a coupon the store finds by the customer's document and can spend in part
            JsonNode coupon = await().atMost(PATIENCE).until(() -> couponOfReturn("ret-" + channelOrderId),
                    found -> found != null);
            assertThat(coupon.path("amount").decimalValue()).isEqualByComparingTo("449.90");
            assertThat(coupon.path("issuingStoreId").asString()).isEqualTo("LJ001");
            HttpResponse<String> redeemed = lj001.send("PATCH", "/api/v1/coupons/" + coupon.path("code").asString(),
                    "application/json", "{\"action\": \"REDEEM\", \"amount\": 100.00, \"storeId\": \"LJ001\"}"
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
            assertThat(lj001.json(redeemed.body()).path("balance").decimalValue()).isEqualByComparingTo("349.90");
        }
    }

    private JsonNode couponOfReturn(String returnId) throws Exception {
        JsonNode coupons = lj001.find("/api/v1/coupons?customer=52998224725&size=200");
        if (coupons == null) {
            return null;
        }
        for (JsonNode coupon : coupons.path("items")) {
            if (returnId.equals(coupon.path("returnId").asString())) {
                return coupon;
            }
        }
        return null;
    }

    private static Map<String, Object> order(String channelOrderId) {
        return Map.of("siteId", SITE, "channelOrderId", channelOrderId, "journey", "SHIP_FROM_STORE",
                "customer", Map.of("name", "Ana Souza", "document", "52998224725", "email", "ana@example.com"),
                "shippingAddress", Map.of("street", "Av. Paulista, 1000", "city", "São Paulo", "state", "SP",
                        "postalCode", "01310-100", "latitude", -23.5614, "longitude", -46.6559),
                "lines", List.of(Map.of("reference", REFERENCE, "quantity", 2, "unitPrice", 449.90)));
    }

    private JsonNode stockAt(String storeId) throws Exception {
        JsonNode stock = erp.find("/api/v1/stock/" + EAN);
        if (stock == null) {
            return null;
        }
        for (JsonNode store : stock.path("stores")) {
            if (store.path("storeId").asString().equals(storeId)) {
                return store;
            }
        }
        return null;
    }

    private KafkaConsumer<String, String> assignments() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "journey-erp-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("orders.fulfillment-assigned"));
        return consumer;
    }

    /** The FulfillmentAssigned of the order keyed by {@code storeId}, as a store's ERP would read it. */
    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer,
            String storeId, String orderId) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        return await().atMost(PATIENCE).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            return seen.stream().filter(record -> storeId.equals(record.key())).filter(record -> {
                JsonNode event = JSON.readTree(record.value());
                return event.path("orderId").asString().equals(orderId) && event.has("acceptBy");
            }).findFirst().orElse(null);
        }, record -> record != null);
    }

    private static String correlationId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("correlation-id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
