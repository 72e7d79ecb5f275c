package io.omnihub.inventory;

import io.omnihub.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** Reads {@code inventory.reservations} from the beginning, as order-service does, by order id. */
final class ReservationsTopic implements AutoCloseable {

    private final Consumer<String, byte[]> consumer;
    private final Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new ConcurrentHashMap<>();

    ReservationsTopic(EmbeddedKafkaBroker kafka) {
        consumer = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(kafka,
                "reservations-" + UUID.randomUUID(), false), new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(Topics.INVENTORY_RESERVATIONS));
    }

    /** Reads what arrived since the last call. */
    synchronized ReservationsTopic poll() {
        KafkaTestUtils.getRecords(consumer, Duration.ofMillis(300)).records(Topics.INVENTORY_RESERVATIONS)
                .forEach(record -> byKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record));
        return this;
    }

    List<ConsumerRecord<String, byte[]>> records(String orderId) {
        return List.copyOf(byKey.getOrDefault(orderId, List.of()));
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
