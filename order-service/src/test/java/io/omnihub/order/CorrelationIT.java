package io.omnihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The correlation id of the work that owed an event travels with it, although the outbox relay sends it later
 * on its own thread: the POST's on what intake and its routing owe, a reservation answer's on what the answer
 * caused.
 */
class CorrelationIT extends EmbeddedOrders {

    private static final String CORRELATION = "correlation-id";

    @Autowired
    OrderRepository orders;

    @Test
    void theEventsOfAnOrderCarryTheCorrelationIdOfItsPost() {
        // given a store holding the product (inventory's answers echo their command's id)
        String ean = "7891000900014";
        store("CO-A", -23.5614, -46.6559, 1, Map.of());
        stock("CO-A", ean, 5);
        awaitDryRunChooses("site-co", ean, "CO-A");

        // when the channel places an order with its correlation id
        String orderId = placeWith("corr-post-1", orderBody("site-co", "ECOM-CO-1", "SHIP_FROM_STORE", null,
                List.of(line(ean, 1, 10.0))));

        // then what the order owes carries it, down to the assignment caused by the echoed answer
        assertThat(Kafka.header(kafka.await(Topics.ORDERS_LIFECYCLE, "io.omnihub.orders.order-received",
                event -> event.path("orderId").asString().equals(orderId)), CORRELATION)).isEqualTo("corr-post-1");
        assertThat(Kafka.header(kafka.await(Topics.ORDERS_COMMANDS, "io.omnihub.orders.reserve-stock",
                event -> event.path("orderId").asString().equals(orderId)), CORRELATION)).isEqualTo("corr-post-1");
        assertThat(Kafka.header(kafka.await(Topics.ORDERS_FULFILLMENT_ASSIGNED, "io.omnihub.orders.fulfillment-assigned",
                event -> event.path("orderId").asString().equals(orderId)), CORRELATION)).isEqualTo("corr-post-1");
    }

    @Test
    void whatAReservationAnswerCausesCarriesTheAnswersCorrelationId() {
        // given the order-service believes CO-R (nearest) holds the stock, but inventory refuses with its own id,
        // and CO-S holds it and confirms with another
        String ean = "7891000900021";
        store("CO-R", -23.5614, -46.6559, 1, Map.of());
        store("CO-S", -23.567, -46.692, 2, Map.of());
        kafka.availability("CO-R", ean, 5, 1);
        stock("CO-S", ean, 5);
        inventory.answerWithCorrelationId("CO-R", "corr-refusal");
        inventory.answerWithCorrelationId("CO-S", "corr-confirmation");
        awaitDryRunChooses("site-co-r", ean, "CO-R");
        // the next store's figure has arrived too (it may come in a later fetch)
        awaitDryRunChooses("site-co-r", ean, "CO-S", "PICKUP_IN_STORE", "CO-S");

        // when the order is placed
        String orderId = placeWith("corr-post-2", orderBody("site-co-r", "ECOM-CO-2", "SHIP_FROM_STORE", null,
                List.of(line(ean, 1, 10.0))));

        // then the second round's command carries the refusal's id, the assignment the confirmation's
        awaitFulfillment(orderId, "CO-S", "ASSIGNED");
        await().atMost(Kafka.PATIENCE).untilAsserted(() -> assertThat(kafka.all(Topics.ORDERS_COMMANDS,
                "io.omnihub.orders.reserve-stock", event -> event.path("orderId").asString().equals(orderId)))
                .extracting(record -> Kafka.json(record).path("storeId").asString() + " "
                        + Kafka.header(record, CORRELATION))
                .containsExactlyInAnyOrder("CO-R corr-post-2", "CO-S corr-refusal"));
        assertThat(Kafka.header(kafka.await(Topics.ORDERS_FULFILLMENT_ASSIGNED, "io.omnihub.orders.fulfillment-assigned",
                event -> event.path("orderId").asString().equals(orderId)), CORRELATION))
                .isEqualTo("corr-confirmation");
    }

    @Test
    void anOutboxStoredBeforeCorrelationIdsWereKeptStillReads() {
        // given an order whose outbox was stored without correlation ids (written straight to MongoDB, so that
        // no worker is told of it)
        Order stored = Order.receive("ord-co-old", "site-co-old", "ECOM-CO-OLD", "key:old", "test",
                Journey.PICKUP_IN_STORE, null, null, "CO-A", List.of(), "corr-dropped", Instant.now());
        orders.mongo().insert(stored);
        orders.mongo().updateFirst(Query.query(Criteria.where("_id").is("ord-co-old")),
                new Update().unset("outbox.0.correlationId").unset("correlationId"), Order.class);

        try {
            // when it is read
            Order read = orders.find("ord-co-old").orElseThrow();

            // then its message is there, without an id
            assertThat(read.outbox()).singleElement().satisfies(message -> {
                assertThat(message.id()).isEqualTo("ord-co-old:received");
                assertThat(message.correlationId()).isNull();
            });
            assertThat(read.correlationId()).isNull();
        } finally {
            // an order stored straight to MongoDB must not reach the workers of the classes that share this
            // context: their next sweep would relay its outbox
            orders.mongo().remove(Query.query(Criteria.where("_id").is("ord-co-old")), Order.class);
        }
    }

    private String placeWith(String correlationId, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Correlation-Id", correlationId);
        ResponseEntity<JsonNode> response = http.exchange("/api/v1/orders", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody().path("orderId").asString();
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
