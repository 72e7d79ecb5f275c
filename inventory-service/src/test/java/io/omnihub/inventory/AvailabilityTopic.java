package io.omnihub.inventory;

import io.omnihub.contracts.Topics;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code inventory.availability} from the beginning, as a consumer rebuilding the picture would. */
final class AvailabilityTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Consumer<String, byte[]> consumer;
    private final Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new ConcurrentHashMap<>();

    AvailabilityTopic(EmbeddedKafkaBroker kafka) {
        consumer = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(kafka,
                "availability-" + UUID.randomUUID(), false), new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(Topics.INVENTORY_AVAILABILITY));
    }

    /** Reads what arrived since the last call. */
    synchronized AvailabilityTopic poll() {
        KafkaTestUtils.getRecords(consumer, Duration.ofMillis(300)).records(Topics.INVENTORY_AVAILABILITY)
                .forEach(record -> byKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record));
        return this;
    }

    List<ConsumerRecord<String, byte[]>> records(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** The last record of the key, i.e. what compaction keeps; null when none arrived. */
    JsonNode latest(String key) {
        List<ConsumerRecord<String, byte[]>> records = records(key);
        return records.isEmpty() ? null : JSON.readTree(records.get(records.size() - 1).value());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
