package io.omnihub.order;


import io.omnihub.contracts.Golden;
import io.omnihub.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The other services' side of the topics, for tests: writes what catalog/inventory would (JSON built from the
 * golden files, with its {@code ce_type}), and reads everything order-service writes.
 */
public final class Kafka implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final Consumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    public Kafka(EmbeddedKafkaBroker kafka) {
        producers = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(kafka), new StringSerializer(),
                new ByteArraySerializer());
        template = new KafkaTemplate<>(producers);
        consumer = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(kafka, "test-" + UUID.randomUUID(),
                false), new StringDeserializer(), new ByteArrayDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.ORDERS_COMMANDS, Topics.ORDERS_FULFILLMENT_ASSIGNED, Topics.ORDERS_LIFECYCLE));
    }

    /** A golden event with some fields replaced. */
    public static ObjectNode golden(String path, Map<String, Object> fields) {
        ObjectNode node = (ObjectNode) JSON.readTree(Golden.bytes(path));
        fields.forEach((name, value) -> node.set(name, JSON.valueToTree(value)));
        return node;
    }

    public void send(String topic, String key, String type, JsonNode value) {
        send(topic, key, type, value, null);
    }

    /** As another service sends it: with the {@code correlation-id} header of its work, when it has one. */
    public void send(String topic, String key, String type, JsonNode value, String correlationId) {
        var record = new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(value));
        if (correlationId != null) {
            header(record, "correlation-id", correlationId);
        }
        header(record, "ce_type", type);
        header(record, "ce_id", key + ":" + UUID.randomUUID());
        header(record, "ce_source", "/omnihub/test");
        header(record, "ce_specversion", "1.0");
        header(record, "content-type", "application/json");
        template.send(record).join();
    }

    /** What inventory announces: {@code available} units of the EAN at the store, at {@code version}. */
    public void availability(String storeId, String ean, long available, long version) {
        send(Topics.INVENTORY_AVAILABILITY, storeId + ":" + ean, "io.omnihub.inventory.availability-changed",
                golden("inventory.availability/availability-changed.json", Map.of("storeId", storeId, "ean", ean,
                        "available", available, "onHand", available, "reserved", 0, "version", version)));
    }

    /** What catalog-bound ingest announces: a product with a reference, EAN, name, brand, category and prices. */
    public void product(String reference, String ean, String name, String brand, double price) {
        send(Topics.CATALOG_PRODUCTS, reference, "io.omnihub.catalog.product-upserted",
                golden("catalog.products/product-upserted.json", Map.of("reference", reference, "ean", ean, "name",
                        name, "brand", brand, "price", price, "discountedPrice", price,
                        "receivedAt", java.time.Instant.now().toString())));
    }

    /** Reads what arrived since the last call. */
    public synchronized Kafka poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return this;
    }

    public List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<JsonNode> matching) {
        return seen.stream().filter(record -> record.topic().equals(topic))
                .filter(record -> matching.test(JSON.readTree(record.value()))).toList();
    }

    /** Waits for a record of {@code type} on {@code topic} whose JSON matches; answers it. */
    public ConsumerRecord<String, byte[]> await(String topic, String type, Predicate<JsonNode> matching) {
        return org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> poll().records(topic, matching).stream()
                .filter(record -> type.equals(header(record, "ce_type"))).findFirst().orElse(null),
                record -> record != null);
    }

    public List<ConsumerRecord<String, byte[]>> all(String topic, String type, Predicate<JsonNode> matching) {
        return poll().records(topic, matching).stream().filter(record -> type.equals(header(record, "ce_type")))
                .toList();
    }

    public static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        consumer.close();
        producers.destroy();
    }
}
