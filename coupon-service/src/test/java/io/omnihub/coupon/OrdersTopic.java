package io.omnihub.coupon;

import io.omnihub.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Writes {@code orders.lifecycle} as order-service does: JSON bytes keyed by order id, the CloudEvents type in
 * {@code ce_type} (the wire names, not the contract classes, so that a renamed type fails here).
 */
final class OrdersTopic implements AutoCloseable {

    static final String RETURN_RECORDED = "io.omnihub.orders.return-recorded";

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;

    OrdersTopic(EmbeddedKafkaBroker kafka) {
        producers = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(kafka), new StringSerializer(),
                new ByteArraySerializer());
        template = new KafkaTemplate<>(producers);
    }

    void send(String orderId, String type, byte[] value) {
        send(orderId, type, value, null);
    }

    /** Sends with the {@code correlation-id} header order-service's events carry (none when null). */
    void send(String orderId, String type, byte[] value, String correlationId) {
        var record = new ProducerRecord<>(Topics.ORDERS_LIFECYCLE, orderId, value);
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/omnihub/order-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        if (correlationId != null) {
            record.headers().add("correlation-id", correlationId.getBytes(StandardCharsets.UTF_8));
        }
        template.send(record).join();
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
