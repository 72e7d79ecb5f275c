package io.omnihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * An order's whole life on the real protocols: placed (by reference, enriched from the catalog), routed from the
 * availability projection, reserved through inventory, offered on Kafka, partly rejected and re-routed, accepted,
 * in transit, delivered, partly returned with a coupon.
 */
class OrderFlowIT extends EmbeddedOrders {

    private static final String SITE = "site-flow";
    private static final String SHIRT = "7891000100011";
    private static final String SHOES = "7891000100028";
    private static final String NEAR = "FL-NEAR";
    private static final String FAR = "FL-FAR";

    @Test
    void placeAssignPartlyRejectRerouteAcceptShipDeliverAndReturn() {
        // given two stores, the nearer one holding both products, and the catalog knowing the shirt
        store(NEAR, -23.5614, -46.6559, 2, Map.of());
        store(FAR, -23.567, -46.692, 1, Map.of());
        profile(SITE, Map.of("filters", List.of("SERVES_JOURNEY", "CAPACITY_TODAY"), "ranking",
                List.of("FEWEST_SPLITS", "DISTANCE", "PRIORITY"), "splitAllowed", true, "maxSplits", 3,
                "acceptanceDeadline", "PT1H"));
        kafka.product("FL-1001", SHIRT, "Camiseta Fluxo", "Aurora", 333.14);
        stock(NEAR, SHIRT, 5);
        stock(NEAR, SHOES, 3);
        stock(FAR, SHIRT, 5);
        awaitDryRunAssigns(NEAR);

        // when the channel places the order (the shirt by reference), twice with the same key
        Map<String, Object> body = orderBody(SITE, "ECOM-FLOW-1", "SHIP_FROM_STORE", null,
                List.of(Map.of("reference", "FL-1001", "quantity", 2, "unitPrice", 333.14), line(SHOES, 1, 99.9)));
        ResponseEntity<JsonNode> first = postWithKey(body, "ECOM-FLOW-1");
        ResponseEntity<JsonNode> retried = postWithKey(body, "ECOM-FLOW-1");

        // then one order, offered to the nearer store once its stock is reserved
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(retried.getBody()).isEqualTo(first.getBody());
        String orderId = first.getBody().path("orderId").asString();
        JsonNode near = awaitFulfillment(orderId, NEAR, "ASSIGNED");
        String nearId = near.path("fulfillmentId").asString();
        JsonNode order = order(orderId);
        assertThat(order.path("status").asString()).isEqualTo("ASSIGNED");
        JsonNode shirtLine = order.path("lines").get(0);
        assertThat(shirtLine.path("ean").asString()).isEqualTo(SHIRT);
        assertThat(shirtLine.path("reference").asString()).isEqualTo("FL-1001");
        assertThat(shirtLine.path("name").asString()).isEqualTo("Camiseta Fluxo");
        assertThat(shirtLine.path("brand").asString()).isEqualTo("Aurora");
        assertThat(order.path("routing").get(0).path("trigger").asString()).isEqualTo("INTAKE");
        assertThat(order.path("routing").get(0).path("reasons").get(0).asString()).startsWith(NEAR + " takes");
        assertThat(Kafka.json(kafka.await(Topics.ORDERS_LIFECYCLE, "io.omnihub.orders.order-received",
                event -> event.path("orderId").asString().equals(orderId))).path("siteId").asString())
                .isEqualTo(SITE);
        ConsumerRecord<String, byte[]> assigned = kafka.await(Topics.ORDERS_FULFILLMENT_ASSIGNED,
                "io.omnihub.orders.fulfillment-assigned", event -> event.path("fulfillmentId").asString().equals(nearId));
        assertThat(assigned.key()).isEqualTo(NEAR);
        JsonNode offer = Kafka.json(assigned);
        assertThat(offer.path("channelOrderId").asString()).isEqualTo("ECOM-FLOW-1");
        assertThat(offer.path("lines").get(0).path("reference").asString()).isEqualTo("FL-1001");
        assertThat(offer.path("lines").get(0).path("quantity").asLong()).isEqualTo(2);
        assertThat(offer.path("acceptBy").asString()).isNotBlank();
        assertThat(inventory.shelf(NEAR, SHIRT)).isEqualTo(3);

        // when the nearer store keeps one shirt, rejects the other as damaged, and keeps the shoes
        Map<String, Object> partial = Map.of("decision", "PARTIAL", "lines", List.of(
                Map.of("ean", SHIRT, "acceptedQuantity", 1, "rejectedQuantity", 1, "reason", "DAMAGED"),
                Map.of("ean", SHOES, "acceptedQuantity", 1, "rejectedQuantity", 0)));
        ResponseEntity<JsonNode> answered = post("/api/v1/fulfillments/" + nearId + "/acceptance", partial);
        ResponseEntity<JsonNode> again = post("/api/v1/fulfillments/" + nearId + "/acceptance", partial);
        ResponseEntity<JsonNode> changedMind = post("/api/v1/fulfillments/" + nearId + "/acceptance",
                Map.of("decision", "ACCEPT_ALL"));

        // then the answer is kept (same again, a different one refused), the damaged unit released and re-routed
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(answered.getBody());
        assertThat(changedMind.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode release = Kafka.json(kafka.await(Topics.ORDERS_COMMANDS, "io.omnihub.orders.release-stock",
                event -> event.path("fulfillmentId").asString().equals(nearId)));
        assertThat(release.path("reason").asString()).isEqualTo("REJECTED:DAMAGED");
        assertThat(release.path("lines")).hasSize(1);
        assertThat(release.path("lines").get(0).path("quantity").asLong()).isEqualTo(1);
        JsonNode far = awaitFulfillment(orderId, FAR, "ASSIGNED");
        String farId = far.path("fulfillmentId").asString();
        assertThat(far.path("lines").get(0).path("ean").asString()).isEqualTo(SHIRT);
        assertThat(far.path("lines").get(0).path("quantity").asLong()).isEqualTo(1);
        JsonNode rerouted = Kafka.json(kafka.await(Topics.ORDERS_LIFECYCLE, "io.omnihub.orders.order-rerouted",
                event -> event.path("orderId").asString().equals(orderId)));
        assertThat(rerouted.path("fromFulfillmentId").asString()).isEqualTo(nearId);
        assertThat(rerouted.path("toFulfillmentIds").get(0).asString()).isEqualTo(farId);
        assertThat(rerouted.path("reason").asString()).isEqualTo("DAMAGED");
        assertThat(order(orderId).path("excludedStores").get(0).path("storeId").asString()).isEqualTo(NEAR);

        // when the other store accepts and the nearer one ships and delivers
        assertThat(post("/api/v1/fulfillments/" + farId + "/acceptance", Map.of("decision", "ACCEPT_ALL"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> inTransit = post("/api/v1/fulfillments/" + nearId + "/status",
                Map.of("status", 3, "carrier", "Correios", "trackingCode", "BR123456789"));
        ResponseEntity<JsonNode> delivered = post("/api/v1/fulfillments/" + nearId + "/status",
                Map.of("status", "DELIVERED"));
        ResponseEntity<JsonNode> backwards = post("/api/v1/fulfillments/" + nearId + "/status", Map.of("status", 2));

        // then the held units are consumed, every move announced, and a wrong move refused with what is allowed
        assertThat(inTransit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(inTransit.getBody().path("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(inTransit.getBody().path("carrier").asString()).isEqualTo("Correios");
        assertThat(delivered.getBody().path("status").asString()).isEqualTo("DELIVERED");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(backwards.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(backwards.getBody().path("allowed").get(0).asString()).isEqualTo("6 RETURNED");
        JsonNode consume = Kafka.json(kafka.await(Topics.ORDERS_COMMANDS, "io.omnihub.orders.consume-stock",
                event -> event.path("fulfillmentId").asString().equals(nearId)));
        assertThat(consume.path("lines")).extracting(line -> line.path("ean").asString() + "x"
                + line.path("quantity").asLong()).containsExactlyInAnyOrder(SHIRT + "x1", SHOES + "x1");
        ConsumerRecord<String, byte[]> deliveredEvent = kafka.await(Topics.ORDERS_LIFECYCLE,
                "io.omnihub.orders.fulfillment-status-changed", event -> event.path("fulfillmentId").asString()
                        .equals(nearId) && event.path("status").asString().equals("DELIVERED"));
        assertThat(deliveredEvent.key()).isEqualTo(orderId);
        assertThat(Kafka.json(deliveredEvent).path("previous").asString()).isEqualTo("IN_TRANSIT");
        JsonNode timeline = fulfillment(order(orderId), NEAR, "DELIVERED").path("timeline");
        assertThat(timeline).extracting(entry -> entry.path("status").asString())
                .containsExactly("CREATED", "ASSIGNED", "ACCEPTED", "IN_TRANSIT", "DELIVERED");
        assertThat(order(orderId).path("status").asString()).isEqualTo("ACCEPTED");

        // when the customer brings the shirt back to the store and asks for a coupon, twice
        Map<String, Object> giveBack = Map.of("returnId", "ret-flow-1", "lines", List.of(Map.of("ean", SHIRT,
                "quantity", 1)), "coupon", Map.of("amount", 333.14, "currency", "BRL"));
        ResponseEntity<JsonNode> returned = post("/api/v1/fulfillments/" + nearId + "/returns", giveBack);
        ResponseEntity<JsonNode> returnedAgain = post("/api/v1/fulfillments/" + nearId + "/returns", giveBack);
        ResponseEntity<JsonNode> tooMany = post("/api/v1/fulfillments/" + nearId + "/returns",
                Map.of("lines", List.of(Map.of("ean", SHIRT, "quantity", 1))));

        // then the unit goes back on the shelf, the coupon is asked for once, and no more than delivered comes back
        assertThat(returned.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(returnedAgain.getBody()).isEqualTo(returned.getBody());
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode restock = Kafka.json(kafka.await(Topics.ORDERS_COMMANDS, "io.omnihub.orders.restock-return",
                event -> event.path("returnId").asString().equals("ret-flow-1")));
        assertThat(restock.path("storeId").asString()).isEqualTo(NEAR);
        assertThat(restock.path("lines").get(0).path("quantity").asLong()).isEqualTo(1);
        JsonNode recorded = Kafka.json(kafka.await(Topics.ORDERS_LIFECYCLE, "io.omnihub.orders.return-recorded",
                event -> event.path("returnId").asString().equals("ret-flow-1")));
        assertThat(recorded.path("customerDocument").asString()).isEqualTo("52998224725");
        assertThat(recorded.path("coupon").path("amount").decimalValue()).isEqualByComparingTo("333.14");
        assertThat(recorded.path("coupon").path("currency").asString()).isEqualTo("BRL");
        await().during(java.time.Duration.ofMillis(500)).atMost(Kafka.PATIENCE).until(() -> kafka.all(
                Topics.ORDERS_LIFECYCLE, "io.omnihub.orders.return-recorded",
                event -> event.path("returnId").asString().equals("ret-flow-1")).size() == 1);
    }

    private void awaitDryRunAssigns(String storeId) {
        await().atMost(Kafka.PATIENCE).until(() -> post("/api/v1/routing-profiles/" + SITE + "/dry-run",
                orderBody(SITE, "dry", "SHIP_FROM_STORE", null, List.of(line(SHIRT, 2, 1.0), line(SHOES, 1, 1.0))))
                .getBody().path("assignments"), assignments -> assignments.size() == 1
                        && assignments.get(0).path("storeId").asString().equals(storeId));
        await().atMost(Kafka.PATIENCE).until(() -> post("/api/v1/routing-profiles/" + SITE + "/dry-run",
                orderBody(SITE, "dry", "SHIP_FROM_STORE", null, List.of(Map.of("reference", "FL-1001",
                        "quantity", 1)))).getStatusCode() == HttpStatus.OK);
    }

    private ResponseEntity<JsonNode> postWithKey(Map<String, Object> body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return http.exchange("/api/v1/orders", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
