package io.omnihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The stores fixture through the API, routing profiles, and an outbox that outlives a relay that was down. */
class StoresAndOutboxIT extends EmbeddedOrders {

    @Autowired
    @Qualifier("outboxRelay")
    SmartLifecycle relay;

    @Test
    void theFixtureStoresLoadInOnePutAndReadBack() {
        ResponseEntity<JsonNode> loaded = call(HttpMethod.PUT, "/api/v1/stores",
                Kafka.JSON.readTree(Fixtures.bytes("stores.json")), null);

        assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(loaded.getBody().path("stores").asInt()).isEqualTo(3);
        JsonNode campinas = http.getForObject("/api/v1/stores/LJ003", JsonNode.class);
        assertThat(campinas.path("name").asString()).isEqualTo("Loja Campinas");
        assertThat(campinas.path("journeys")).extracting(JsonNode::asString).containsExactly("PICKUP_IN_STORE");
        assertThat(campinas.path("dailyCapacity").asInt()).isEqualTo(50);
        assertThat(campinas.path("active").asBoolean()).isTrue();
        JsonNode page = http.getForObject("/api/v1/stores?size=200", JsonNode.class);
        assertThat(page.path("items").findValuesAsString("storeId")).contains("LJ001", "LJ002", "LJ003");
        assertThat(http.getForEntity("/api/v1/stores/NOPE", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aStoreWithBadFieldsIsRefusedFieldByField() {
        ResponseEntity<JsonNode> refused = call(HttpMethod.PUT, "/api/v1/stores/BAD-1", Map.of("latitude", 123,
                "journeys", List.of(), "priority", 0, "address", Map.of("street", "Rua Augusta")), null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsString("field"))
                .contains("latitude", "journeys", "dailyCapacity", "priority", "address.city", "address.state",
                        "address.postalCode");
    }

    @Test
    void aSiteWithoutAProfileIsRoutedByTheDefaultOneAndAWrittenProfileReadsBack() {
        JsonNode defaults = http.getForObject("/api/v1/routing-profiles/site-none", JsonNode.class);
        assertThat(defaults.path("isDefault").asBoolean()).isTrue();
        assertThat(defaults.path("ranking").get(0).asString()).isEqualTo("FEWEST_SPLITS");

        profile("site-written", Map.of("filters", List.of("MAX_DISTANCE"), "ranking", List.of("PRIORITY"),
                "splitAllowed", false, "maxSplits", 1, "acceptanceDeadline", "PT30M", "maxDistanceKm", 25.5));

        JsonNode written = http.getForObject("/api/v1/routing-profiles/site-written", JsonNode.class);
        assertThat(written.path("isDefault").asBoolean()).isFalse();
        assertThat(written.path("acceptanceDeadline").asString()).isEqualTo("PT30M");
        assertThat(written.path("maxDistanceKm").asDouble()).isEqualTo(25.5);
        assertThat(call(HttpMethod.PUT, "/api/v1/routing-profiles/site-written", Map.of("ranking", List.of(),
                "splitAllowed", true, "maxSplits", 1, "acceptanceDeadline", "two hours"), null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void whatWasStoredWhileTheRelayWasDownIsSentAfterwardsOnceWithItsIds() {
        String ean = "7891000500018";
        store("OB-1", -23.5614, -46.6559, 1, Map.of());
        stock("OB-1", ean, 3);
        await().atMost(Kafka.PATIENCE).until(() -> post("/api/v1/routing-profiles/site-ob/dry-run",
                orderBody("site-ob", "dry", "SHIP_FROM_STORE", null, List.of(line(ean, 1, 1.0)))).getBody()
                .path("assignments").size() == 1);
        relay.stop();
        try {
            // the order is stored and routed, its messages wait in its outbox
            String orderId = place(orderBody("site-ob", "ECOM-OB-1", "SHIP_FROM_STORE", null,
                    List.of(line(ean, 1, 10.0))));
            awaitOrder(orderId, order -> order.path("status").asString().equals("ROUTING")
                    && order.path("fulfillments").size() == 1);
            assertThat(kafka.all(Topics.ORDERS_COMMANDS, "io.omnihub.orders.reserve-stock",
                    event -> event.path("orderId").asString().equals(orderId))).isEmpty();

            relay.start();

            ConsumerRecord<String, byte[]> reserve = kafka.await(Topics.ORDERS_COMMANDS,
                    "io.omnihub.orders.reserve-stock", event -> event.path("orderId").asString().equals(orderId));
            String fulfillmentId = Kafka.json(reserve).path("fulfillmentId").asString();
            assertThat(Kafka.header(reserve, "ce_id")).isEqualTo(fulfillmentId + ":reserve");
            assertThat(reserve.key()).isEqualTo(orderId);
            awaitFulfillment(orderId, "OB-1", "ASSIGNED");
            assertThat(kafka.all(Topics.ORDERS_COMMANDS, "io.omnihub.orders.reserve-stock",
                    event -> event.path("orderId").asString().equals(orderId))).hasSize(1);
        } finally {
            relay.start();
        }
    }
}
