package io.omnihub.benchmarks.orders;

import io.omnihub.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code orders.fulfillment-assigned} as a store's ERP would (a plain Kafka consumer, every partition, from
 * the end when it starts) and notes when the first assignment of each order arrived ({@link System#nanoTime()}).
 */
final class AssignmentWatcher implements AutoCloseable {

    private static final String ASSIGNED = "io.omnihub.orders.fulfillment-assigned";

    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Long> firstAssigned = new ConcurrentHashMap<>();
    /** Of each order's first assignment: when order-service assigned it, sent it, and when it was read (epoch ms). */
    private final Map<String, Moments> moments = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong assignments = new AtomicLong();
    private volatile RuntimeException failure;
    private final Thread thread;
    private volatile boolean running = true;

    AssignmentWatcher(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "load-watcher-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS_FULFILLMENT_ASSIGNED,
                Duration.ofSeconds(30)).stream().map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::poll, "assignment-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    records.incrementAndGet();
                    Header type = record.headers().lastHeader("ce_type");
                    if (type == null || !ASSIGNED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    assignments.incrementAndGet();
                    JsonNode event = json.readTree(record.value());
                    String orderId = event.path("orderId").asString();
                    if (firstAssigned.putIfAbsent(orderId, now) == null) {
                        moments.put(orderId, new Moments(java.time.Instant.parse(event.path("assignedAt").asString())
                                .toEpochMilli(), record.timestamp(), System.currentTimeMillis()));
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** What was read so far, for the log: records, assignments, and why reading stopped if it did. */
    String progress() {
        return records.get() + " records, " + assignments.get() + " assignments" + (failure == null ? ""
                : ", stopped by " + failure);
    }

    /** When the order's first assignment was read, or null. */
    Long assignedAt(String orderId) {
        return firstAssigned.get(orderId);
    }

    /** When order-service assigned the order (its {@code assignedAt}), sent the event, and it was read, epoch ms. */
    record Moments(long assignedMillis, long sentMillis, long readMillis) {
    }

    /** The moments of the order's first assignment, or null. */
    Moments moments(String orderId) {
        return moments.get(orderId);
    }

    /** A few of the order ids seen, for the log. */
    java.util.List<String> sample() {
        return firstAssigned.keySet().stream().limit(3).toList();
    }

    long records() {
        return records.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
