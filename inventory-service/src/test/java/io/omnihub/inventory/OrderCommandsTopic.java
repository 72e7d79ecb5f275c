package io.omnihub.inventory;

import io.omnihub.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code orders.commands} as order-service does: JSON keyed by order id, the CloudEvents type in
 * {@code ce_type} (the wire names, not the contract classes, so that a renamed type fails here).
 */
final class OrderCommandsTopic implements AutoCloseable {

    static final String RESERVE = "io.omnihub.orders.reserve-stock";
    static final String RELEASE = "io.omnihub.orders.release-stock";
    static final String CONSUME = "io.omnihub.orders.consume-stock";
    static final String RESTOCK = "io.omnihub.orders.restock-return";
    static final String OUT_OF_STOCK = "io.omnihub.orders.mark-out-of-stock";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;

    OrderCommandsTopic(EmbeddedKafkaBroker kafka) {
        this.producers = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(kafka),
                new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    void send(String orderId, String type, byte[] value) {
        sendTo(Topics.ORDERS_COMMANDS, orderId, type, value);
    }

    /** The same envelope on another topic, e.g. {@code catalog.products} as ingest writes it. */
    void sendTo(String topic, String key, String type, byte[] value) {
        sendTo(topic, key, type, value, null);
    }

    /** With the correlation id order-service puts on it (that of the request it serves); none when null. */
    void sendTo(String topic, String key, String type, byte[] value, String correlationId) {
        var record = new ProducerRecord<>(topic, key, value);
        if (correlationId != null) {
            record.headers().add("correlation-id", correlationId.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/omnihub/order-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        template.send(record).join();
    }

    /** A ReserveStock of one fulfilment ({@code ful-<orderId>}) with the given EAN → quantity lines. */
    void reserve(String commandId, String orderId, String storeId, Map<String, Long> lines) {
        reserve(commandId, orderId, storeId, lines, null);
    }

    /** The same, carrying the correlation id of the order's POST. */
    void reserve(String commandId, String orderId, String storeId, Map<String, Long> lines, String correlationId) {
        sendTo(Topics.ORDERS_COMMANDS, orderId, RESERVE, JSON.writeValueAsBytes(Map.of("commandId", commandId,
                "orderId", orderId, "fulfillmentId", "ful-" + orderId, "storeId", storeId, "lines", lines.entrySet().stream()
                        .map(line -> Map.of("ean", line.getKey(), "quantity", line.getValue())).toList(),
                "requestedAt", "2026-11-30T10:00:00Z")), correlationId);
    }

    void release(String commandId, String orderId, String storeId, Map<String, Long> lines, String reason) {
        send(orderId, RELEASE, JSON.writeValueAsBytes(Map.of("commandId", commandId, "orderId", orderId,
                "fulfillmentId", "ful-" + orderId, "storeId", storeId, "lines", lines.entrySet().stream()
                        .map(line -> Map.of("ean", line.getKey(), "quantity", line.getValue())).toList(),
                "reason", reason, "at", "2026-11-30T11:00:00Z")));
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
