package io.omnihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.testsupport.TestIdentities;
import io.omnihub.testsupport.TestInfrastructure;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on an in-process Kafka broker (three partitions) and a MongoDB-wire server, with a
 * stand-in playing inventory's part on the topics; one application context for every class extending this one.
 * Classes keep apart by using their own sites, EANs and stores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "omnihub.kafka.retry.initial-interval=10ms", "omnihub.kafka.retry.max-interval=50ms",
                "omnihub.orders.work-interval=300ms", "omnihub.orders.deadline-interval=200ms",
                "omnihub.orders.erp-push.interval=200ms", "omnihub.orders.erp-push.retry-after=300ms",
                "omnihub.orders.erp-push.max-retry-after=1s", "omnihub.orders.erp-push.backoff=20ms",
                "omnihub.orders.erp-push.open-for=500ms"})
@AutoConfigureTestRestTemplate
@EmbeddedKafka(partitions = 3, topics = {Topics.CATALOG_PRODUCTS, Topics.INVENTORY_AVAILABILITY,
        Topics.INVENTORY_RESERVATIONS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MongoCommandLog.Registration.class)
public abstract class EmbeddedOrders {

    private static Kafka sharedKafka;
    private static InventoryStandIn sharedInventory;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("orders-" + UUID.randomUUID()));
    }

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected Kafka kafka;
    protected InventoryStandIn inventory;

    @BeforeAll
    void clients() {
        synchronized (EmbeddedOrders.class) {
            if (sharedKafka == null) {
                sharedKafka = new Kafka(broker);
                sharedInventory = new InventoryStandIn(broker, sharedKafka);
            }
        }
        kafka = sharedKafka;
        inventory = sharedInventory;
    }

    /** A store next to the customers of these tests (Av. Paulista), serving both journeys. */
    protected void store(String storeId, double latitude, double longitude, int priority, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Loja " + storeId, "latitude", latitude,
                "longitude", longitude, "journeys", java.util.List.of("SHIP_FROM_STORE", "PICKUP_IN_STORE"),
                "dailyCapacity", 100, "priority", priority));
        body.putAll(extra);
        ResponseEntity<JsonNode> response = call(HttpMethod.PUT, "/api/v1/stores/" + storeId, body, null);
        assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.OK);
    }

    /** Stock the order-service sees (availability) and inventory holds (the stand-in's shelf). */
    protected void stock(String storeId, String ean, long units) {
        inventory.shelf(storeId, ean, units);
        kafka.availability(storeId, ean, units, System.nanoTime());
    }

    protected void profile(String siteId, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = call(HttpMethod.PUT, "/api/v1/routing-profiles/" + siteId, body, null);
        assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.OK);
    }

    protected ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, Identity identity) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (identity != null) {
            headers.set(IdentityToken.HEADER, TestIdentities.tokenFor(identity));
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> post(String path, Object body) {
        return call(HttpMethod.POST, path, body, null);
    }

    protected JsonNode order(String orderId) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/orders/" + orderId, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    protected JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
        return await().atMost(Kafka.PATIENCE).until(() -> order(orderId), condition);
    }

    /** The fulfilment of the order at {@code storeId} that is not re-routed, once it has {@code status}. */
    protected JsonNode awaitFulfillment(String orderId, String storeId, String status) {
        JsonNode order = awaitOrder(orderId, o -> fulfillment(o, storeId, status) != null);
        return fulfillment(order, storeId, status);
    }

    protected static JsonNode fulfillment(JsonNode order, String storeId, String status) {
        for (JsonNode fulfillment : order.path("fulfillments")) {
            if (fulfillment.path("storeId").asString().equals(storeId)
                    && fulfillment.path("status").asString().equals(status)) {
                return fulfillment;
            }
        }
        return null;
    }

    /** An order body as in the design's example. */
    protected static Map<String, Object> orderBody(String siteId, String channelOrderId, String journey,
            String pickupStoreId, java.util.List<Map<String, Object>> lines) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("siteId", siteId);
        body.put("channelOrderId", channelOrderId);
        body.put("journey", journey);
        body.put("customer", Map.of("name", "Ana Souza", "document", "52998224725", "email", "ana@example.com"));
        body.put("shippingAddress", Map.of("street", "Av. Paulista, 1000", "city", "São Paulo", "state", "SP",
                "postalCode", "01310-100", "latitude", -23.5614, "longitude", -46.6559));
        body.put("pickupStoreId", pickupStoreId);
        body.put("lines", lines);
        return body;
    }

    protected static Map<String, Object> line(String ean, int quantity, double unitPrice) {
        return Map.of("ean", ean, "quantity", quantity, "unitPrice", unitPrice);
    }

    protected String place(Map<String, Object> body) {
        ResponseEntity<JsonNode> response = post("/api/v1/orders", body);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getBody().path("status").asString()).isEqualTo("RECEIVED");
        return response.getBody().path("orderId").asString();
    }
}
