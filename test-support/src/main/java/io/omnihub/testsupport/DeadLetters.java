package io.omnihub.testsupport;

import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Watches a topic's dead-letter twin while a test sends something a consumer must refuse. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** Runs {@code sending} and answers the record with {@code key} that reaches {@code <topic>-dlt}. */
    public static ConsumerRecord<String, byte[]> of(String bootstrapServers, String topic, String key,
            Duration patience, Runnable sending) {
        String deadLetters = Topics.deadLetter(topic);
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(deadLetters));
            sending.run();
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            return await().atMost(patience).until(() -> {
                consumer.poll(Duration.ofMillis(500)).records(deadLetters).forEach(seen::add);
                return seen.stream().filter(record -> key.equals(record.key())).findFirst().orElse(null);
            }, record -> record != null);
        }
    }
}
