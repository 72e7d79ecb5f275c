package io.omnihub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "omnihub.kafka.retry.initial-interval=10ms", "omnihub.kafka.retry.max-interval=50ms"})
@AutoConfigureTestRestTemplate
@EmbeddedKafka(partitions = 3)
class CategoryEventsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("catalog-" + UUID.randomUUID()));
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Test
    void theProducersGoldenEventBecomesACategoryWithItsParentInTheTree() {
        send("Roupas > Camisetas", Golden.bytes("catalog.categories/category-imported.json"));

        // the path's nodes are written root first: wait for the whole path, not just its root
        JsonNode roupas = await().atMost(Duration.ofSeconds(30)).until(() -> root("Roupas"),
                node -> node != null && !node.path("children").isEmpty());

        assertThat(roupas.path("id").asString()).isEqualTo("roupas");
        assertThat(roupas.path("children")).hasSize(1);
        assertThat(roupas.path("children").get(0).path("name").asString()).isEqualTo("Camisetas");
        assertThat(roupas.path("children").get(0).path("id").asString()).isEqualTo("roupas.camisetas");
        assertThat(roupas.path("children").get(0).path("parentId").asString()).isEqualTo("roupas");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        byte[] event = "{\"segments\":[\"Casa\",\"Banho\"],\"importId\":\"imp-x\",\"row\":1}".getBytes(
                StandardCharsets.UTF_8);
        send("Casa > Banho", event);
        send("Casa > Banho", event);
        send("Casa", "{\"segments\":[\"Casa\"],\"importId\":\"imp-y\",\"row\":1}".getBytes(StandardCharsets.UTF_8));
        send("Marker", "{\"segments\":[\"Marker\"],\"importId\":\"imp-y\",\"row\":2}".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).until(() -> root("Marker"), node -> node != null);
        JsonNode casa = root("Casa");
        assertThat(casa.path("children")).hasSize(1);
        assertThat(http.getForObject("/api/v1/categories", JsonNode.class).findValues("id").stream()
                .filter(id -> id.asString().startsWith("casa")).count()).isEqualTo(2);
    }

    @Test
    void anEventThatIsNotJsonGoesToTheDeadLetterTopicWithoutBlockingTheNextOnes() {
        var consumer = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(kafka, "dlt-" + UUID.randomUUID(),
                false), new StringDeserializer(), new ByteArrayDeserializer()).createConsumer();
        consumer.subscribe(java.util.List.of(Topics.deadLetter(Topics.CATALOG_CATEGORIES)));

        send("broken", "{not json".getBytes(StandardCharsets.UTF_8));
        send("Depois", "{\"segments\":[\"Depois\"],\"importId\":\"imp-z\",\"row\":1}".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = KafkaTestUtils.getSingleRecord(consumer,
                Topics.deadLetter(Topics.CATALOG_CATEGORIES), Duration.ofSeconds(30));
        assertThat(dead.key()).isEqualTo("broken");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> root("Depois"), node -> node != null);
        consumer.close();
    }

    @Test
    void describesItsApiInOpenApiAndReportsReadinessWithKafkaAndMongo() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        JsonNode readiness = http.getForObject("/actuator/health/readiness", JsonNode.class);

        assertThat(api.path("paths").has("/api/v1/categories")).isTrue();
        assertThat(readiness.path("status").asString()).as(readiness.toString()).isEqualTo("UP");
        assertThat(readiness.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("jvm_memory_used_bytes");
    }

    private JsonNode root(String name) {
        for (JsonNode node : http.getForObject("/api/v1/categories", JsonNode.class)) {
            if (node.path("name").asString().equals(name)) {
                return node;
            }
        }
        return null;
    }

    private void send(String key, byte[] value) {
        var producer = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(kafka), new StringSerializer(),
                new ByteArraySerializer());
        try {
            new KafkaTemplate<>(producer).send(new ProducerRecord<>(Topics.CATALOG_CATEGORIES, key, value)).join();
        } finally {
            producer.destroy();
        }
    }
}
