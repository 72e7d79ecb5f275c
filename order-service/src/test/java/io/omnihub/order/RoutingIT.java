package io.omnihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.DeadLetters;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Routing against what inventory really holds: refusals, deadlines, nothing anywhere, pickup. */
class RoutingIT extends EmbeddedOrders {

    @Test
    void aRefusedReservationTriesTheNextStore() {
        // given the order-service believes RF-A (nearest) has the stock, but inventory knows it does not
        String ean = "7891000400011";
        store("RF-A", -23.5614, -46.6559, 1, Map.of());
        store("RF-B", -23.567, -46.692, 2, Map.of());
        kafka.availability("RF-A", ean, 5, 1);
        stock("RF-B", ean, 5);
        awaitDryRunChooses("site-rf", ean, "RF-A");
        // the next store's figure has arrived too (it may come in a later fetch)
        awaitDryRunChooses("site-rf", ean, "RF-B", "PICKUP_IN_STORE", "RF-B");

        // when the order is placed
        String orderId = place(orderBody("site-rf", "ECOM-RF-1", "SHIP_FROM_STORE", null, List.of(line(ean, 2, 10.0))));

        // then RF-A's reservation is refused and RF-B gets it, RF-A excluded for that EAN only
        JsonNode assigned = awaitFulfillment(orderId, "RF-B", "ASSIGNED");
        JsonNode order = order(orderId);
        JsonNode refused = fulfillment(order, "RF-A", "CANCELLED");
        assertThat(refused.path("reservation").asString()).isEqualTo("REFUSED");
        assertThat(refused.path("rerouted").asBoolean()).isTrue();
        assertThat(order.path("routing")).hasSize(2);
        assertThat(order.path("routing").get(1).path("trigger").asString()).isEqualTo("RESERVATION_REFUSED");
        assertThat(order.path("excludedStores").get(0).path("eans").get(0).asString()).isEqualTo(ean);
        assertThat(assigned.path("lines").get(0).path("quantity").asLong()).isEqualTo(2);
        assertThat(order.path("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void anUnansweredFulfillmentIsWithdrawnAtTheDeadlineAndRerouted() {
        String ean = "7891000400028";
        store("DL-A", -23.5614, -46.6559, 1, Map.of());
        store("DL-B", -23.567, -46.692, 2, Map.of());
        profile("site-dl", Map.of("ranking", List.of("DISTANCE"), "splitAllowed", true, "maxSplits", 2,
                "acceptanceDeadline", "PT2S"));
        stock("DL-A", ean, 5);
        stock("DL-B", ean, 5);
        awaitDryRunChooses("site-dl", ean, "DL-A");

        String orderId = place(orderBody("site-dl", "ECOM-DL-1", "SHIP_FROM_STORE", null, List.of(line(ean, 1, 10.0))));
        String first = awaitFulfillment(orderId, "DL-A", "ASSIGNED").path("fulfillmentId").asString();

        // nobody at DL-A answers
        JsonNode moved = awaitFulfillment(orderId, "DL-B", "ASSIGNED");
        JsonNode withdrawn = Kafka.json(kafka.await(Topics.ORDERS_FULFILLMENT_ASSIGNED,
                "io.omnihub.orders.fulfillment-withdrawn", event -> event.path("fulfillmentId").asString().equals(first)));
        assertThat(withdrawn.path("reason").asString()).isEqualTo("DEADLINE_PASSED");
        assertThat(withdrawn.path("storeId").asString()).isEqualTo("DL-A");
        JsonNode release = Kafka.json(kafka.await(Topics.ORDERS_COMMANDS, "io.omnihub.orders.release-stock",
                event -> event.path("fulfillmentId").asString().equals(first)));
        assertThat(release.path("reason").asString()).isEqualTo("DEADLINE_PASSED");
        assertThat(moved.path("lines").get(0).path("quantity").asLong()).isEqualTo(1);
        assertThat(fulfillment(order(orderId), "DL-A", "CANCELLED").path("timeline").get(2).path("reason").asString())
                .isEqualTo("DEADLINE_PASSED");
        // a late answer from the first store is refused
        assertThat(post("/api/v1/fulfillments/" + first + "/acceptance", Map.of("decision", "ACCEPT_ALL"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void rejectedEverywhereTheLineBecomesUnfulfillableAndTheChannelIsTold() {
        String ean = "7891000400035";
        store("UF-A", -23.5614, -46.6559, 1, Map.of());
        stock("UF-A", ean, 5);
        awaitDryRunChooses("site-uf", ean, "UF-A");
        String orderId = place(orderBody("site-uf", "ECOM-UF-1", "SHIP_FROM_STORE", null, List.of(line(ean, 2, 10.0))));
        String fulfillmentId = awaitFulfillment(orderId, "UF-A", "ASSIGNED").path("fulfillmentId").asString();

        ResponseEntity<JsonNode> rejected = post("/api/v1/fulfillments/" + fulfillmentId + "/acceptance",
                Map.of("decision", "REJECT_ALL", "reason", "NOT_IN_STOCK"));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rejected.getBody().path("status").asString()).isEqualTo("REJECTED");
        JsonNode unfulfillable = Kafka.json(kafka.await(Topics.ORDERS_LIFECYCLE,
                "io.omnihub.orders.order-lines-unfulfillable", event -> event.path("orderId").asString().equals(orderId)));
        assertThat(unfulfillable.path("lines").get(0).path("quantity").asLong()).isEqualTo(2);
        JsonNode outOfStock = Kafka.json(kafka.await(Topics.ORDERS_COMMANDS, "io.omnihub.orders.mark-out-of-stock",
                event -> event.path("fulfillmentId").asString().equals(fulfillmentId)));
        assertThat(outOfStock.path("eans").get(0).asString()).isEqualTo(ean);
        JsonNode order = awaitOrder(orderId, o -> o.path("status").asString().equals("UNFULFILLABLE"));
        assertThat(order.path("lines").get(0).path("status").asString()).isEqualTo("UNFULFILLABLE");
    }

    @Test
    void pickupKeepsTheCustomersStoreEvenWithANearerOneStocked() {
        String ean = "7891000400042";
        store("PU-NEAR", -23.5614, -46.6559, 1, Map.of());
        store("PU-MINE", -22.9056, -47.0608, 3, Map.of());
        stock("PU-NEAR", ean, 5);
        stock("PU-MINE", ean, 5);
        awaitDryRunChooses("site-pu", ean, "PU-NEAR");
        // the customer's store's figure has arrived too (it may come in a later fetch than the nearer store's)
        awaitDryRunChooses("site-pu", ean, "PU-MINE", "PICKUP_IN_STORE", "PU-MINE");

        String orderId = place(orderBody("site-pu", "ECOM-PU-1", "PICKUP_IN_STORE", "PU-MINE",
                List.of(line(ean, 1, 10.0))));

        String fulfillmentId = awaitFulfillment(orderId, "PU-MINE", "ASSIGNED").path("fulfillmentId").asString();
        assertThat(post("/api/v1/fulfillments/" + fulfillmentId + "/acceptance", Map.of("decision", "ACCEPT_ALL"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/api/v1/fulfillments/" + fulfillmentId + "/status", Map.of("status", 5)).getBody()
                .path("status").asString()).isEqualTo("READY_FOR_PICKUP");
        assertThat(post("/api/v1/fulfillments/" + fulfillmentId + "/status", Map.of("status", "delivered"))
                .getBody().path("status").asString()).isEqualTo("DELIVERED");
        // picked up: the reservation is consumed only now
        kafka.await(Topics.ORDERS_COMMANDS, "io.omnihub.orders.consume-stock",
                event -> event.path("fulfillmentId").asString().equals(fulfillmentId));
        assertThat(order(orderId).path("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void anInvalidOrderIsRefusedFieldByField() {
        Map<String, Object> body = new java.util.HashMap<>(orderBody("site-x", "ECOM-BAD", "PICKUP_IN_STORE", null,
                List.of(Map.of("ean", "12ab", "quantity", 0), Map.of("reference", "NO-SUCH", "quantity", 1))));
        body.remove("siteId");

        ResponseEntity<JsonNode> response = post("/api/v1/orders", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(response.getBody().path("errors").findValuesAsString("field")).as(response.getBody().toString())
                .contains("siteId", "lines[0].ean", "lines[0].quantity");
        body.put("siteId", "site-x");
        body.put("lines", List.of(Map.of("reference", "NO-SUCH", "quantity", 1)));
        // a CPF with a wrong check digit: a return coupon for it could never be issued
        body.put("customer", Map.of("name", "Ana Souza", "document", "529.982.247-26"));
        ResponseEntity<JsonNode> semantic = post("/api/v1/orders", body);
        assertThat(semantic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(semantic.getBody().path("errors").findValuesAsString("field"))
                .contains("pickupStoreId", "lines[0].reference", "customer.document");
    }

    @Test
    void aRetriedChannelOrderWithoutAKeyIsStillOneOrder() {
        String ean = "7891000400059";
        Map<String, Object> body = orderBody("site-once", "ECOM-ONCE-1", "SHIP_FROM_STORE", null,
                List.of(line(ean, 1, 10.0)));

        String first = place(body);
        String second = place(body);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aReservationAnswerOfAnUnknownTypeOrWithoutItsIdsIsDeadLetteredAtOnce() {
        String bootstrap = broker.getBrokersAsString();

        ConsumerRecord<String, byte[]> unknown = DeadLetters.of(bootstrap, Topics.INVENTORY_RESERVATIONS, "ord-dlt-1",
                Kafka.PATIENCE, () -> kafka.send(Topics.INVENTORY_RESERVATIONS, "ord-dlt-1", "io.omnihub.inventory.nope",
                        Kafka.golden("inventory.reservations/reservation-confirmed.json", Map.of("orderId", "ord-dlt-1"))));
        ConsumerRecord<String, byte[]> noIds = DeadLetters.of(bootstrap, Topics.INVENTORY_RESERVATIONS, "ord-dlt-2",
                Kafka.PATIENCE, () -> {
                    var golden = Kafka.golden("inventory.reservations/reservation-confirmed.json", Map.of());
                    golden.remove("fulfillmentId");
                    kafka.send(Topics.INVENTORY_RESERVATIONS, "ord-dlt-2", "io.omnihub.inventory.reservation-confirmed",
                            golden);
                });

        assertThat(Kafka.json(unknown).path("orderId").asString()).isEqualTo("ord-dlt-1");
        assertThat(Kafka.json(noIds).has("fulfillmentId")).isFalse();
    }

    private void awaitDryRunChooses(String site, String ean, String store) {
        awaitDryRunChooses(site, ean, store, "SHIP_FROM_STORE", null);
    }

    private void awaitDryRunChooses(String site, String ean, String store, String journey, String pickupStore) {
        await().atMost(Kafka.PATIENCE).until(() -> post("/api/v1/routing-profiles/" + site + "/dry-run",
                orderBody(site, "dry", journey, pickupStore, List.of(line(ean, 1, 1.0)))).getBody()
                .path("assignments"), assignments -> assignments.size() == 1
                        && assignments.get(0).path("storeId").asString().equals(store));
    }
}
