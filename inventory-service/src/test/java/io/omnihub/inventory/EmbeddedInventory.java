package io.omnihub.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on an in-process Kafka broker (three partitions, as in production) and a MongoDB-wire
 * server; one application context shared by every class that extends this one, so the suite starts it once.
 * Classes keep apart by using stores of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "omnihub.kafka.retry.initial-interval=10ms", "omnihub.kafka.retry.max-interval=50ms",
                "omnihub.inventory.relay.interval=500ms", "omnihub.inventory.safety-stock.global=1",
                "omnihub.inventory.safety-stock.stores.LJ003=2",
                "omnihub.inventory.safety-stock.eans.7891000000007=3"})
@AutoConfigureTestRestTemplate
@EmbeddedKafka(partitions = StockUpdatesTopic.PARTITIONS, topics = {Topics.INVENTORY_STOCK_UPDATES, Topics.ORDERS_COMMANDS,
        Topics.CATALOG_PRODUCTS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MongoCommandLog.Registration.class)
abstract class EmbeddedInventory {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("inventory-" + UUID.randomUUID()));
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EmbeddedKafkaBroker kafka;

    StockUpdatesTopic topic;
    AvailabilityTopic availability;
    OrderCommandsTopic commands;
    ReservationsTopic reservations;

    @BeforeAll
    void clients() {
        topic = new StockUpdatesTopic(kafka);
        availability = new AvailabilityTopic(kafka);
        commands = new OrderCommandsTopic(kafka);
        reservations = new ReservationsTopic(kafka);
    }

    @AfterAll
    void closeClients() {
        topic.close();
        availability.close();
        commands.close();
        reservations.close();
    }

    JsonNode awaitStock(String ean, String store, long onHand) {
        return await().atMost(PATIENCE).until(() -> stockAt(ean, store),
                stock -> stock != null && stock.path("onHand").asLong() == onHand);
    }

    /** The stock of the EAN at the store, from {@code GET /api/v1/stock/{ean}}; null when there is none. */
    JsonNode stockAt(String ean, String store) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/stock/" + ean, JsonNode.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            return null;
        }
        assertThat(response.getBody().path("ean").asString()).isEqualTo(ean);
        for (JsonNode stock : response.getBody().path("stores")) {
            if (store.equals(stock.path("storeId").asString())) {
                return stock;
            }
        }
        return null;
    }

    JsonNode storePage(String store, String query) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/stores/" + store + "/stock?" + query,
                JsonNode.class);
        assertThat(response.getStatusCode()).as(store + "?" + query).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    void awaitStoreItems(String store, long items) {
        await().atMost(PATIENCE).until(() -> http.getForEntity("/api/v1/stores/" + store + "/stock?size=1",
                JsonNode.class), response -> response.getStatusCode().is2xxSuccessful()
                        && response.getBody().path("totalItems").asLong() == items);
    }
}
