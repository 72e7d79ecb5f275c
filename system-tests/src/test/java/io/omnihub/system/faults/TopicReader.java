package io.omnihub.system.faults;

import io.omnihub.localstack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * A plain Kafka consumer reading a topic from its beginning, as an ERP subscribed to it would, keeping the records
 * whose key a case cares about. It survives a restart of the broker (the client reconnects).
 */
final class TopicReader implements AutoCloseable {

    /** One record as read: its key, CloudEvents id and type, and its JSON value. */
    record Event(String key, String id, String type, JsonNode value) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final Predicate<String> keys;
    private final List<Event> seen = new ArrayList<>();

    TopicReader(LocalStack stack, String topic, Predicate<String> keys) {
        this.keys = keys;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once and answers every record kept so far, oldest first. */
    List<Event> poll() {
        consumer.poll(Duration.ofMillis(300)).forEach(record -> {
            if (record.key() != null && keys.test(record.key())) {
                seen.add(new Event(record.key(), header(record.headers().lastHeader("ce_id")),
                        header(record.headers().lastHeader("ce_type")), Client.JSON.readTree(record.value())));
            }
        });
        return java.util.Collections.unmodifiableList(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
