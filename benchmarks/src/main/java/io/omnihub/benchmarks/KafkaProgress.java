package io.omnihub.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far a topic has got, from the broker's own bookkeeping: records appended (end offsets) and records a consumer
 * group has committed, i.e. finished with.
 */
final class KafkaProgress implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;

    KafkaProgress(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(properties);
    }

    boolean topicExists(String topic) throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().contains(topic);
    }

    List<TopicPartition> partitions(String topic) throws ExecutionException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        return description.partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }

    /** Records appended to these partitions so far. */
    long endOffsets(List<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    /** Records of these partitions the group has committed (0 for a partition it has not committed yet). */
    long committed(String group, List<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return partitions.stream().map(offsets::get).mapToLong(offset -> offset == null ? 0 : offset.offset()).sum();
    }

    /** How many partitions of the topic are assigned to members of the group: all of them once it consumes. */
    long assignedPartitions(String group, String topic) throws ExecutionException, InterruptedException {
        var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        if (description == null) {
            return 0;
        }
        return description.members().stream()
                .flatMap(member -> member.assignment().topicPartitions().stream())
                .filter(partition -> partition.topic().equals(topic))
                .count();
    }

    /** Average sizes of the records of a topic as they are on the wire. */
    record RecordSizes(long records, double value, double key, double headers) {

        double total() {
            return value + key + headers;
        }
    }

    /** Reads every record of the topic once (a consumer of its own, no group) and averages their sizes. */
    RecordSizes recordSizes(String topic) throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = partitions(topic);
        long end = endOffsets(partitions);
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        long records = 0;
        long value = 0;
        long key = 0;
        long headers = 0;
        try (var consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (records < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    records++;
                    value += Math.max(record.serializedValueSize(), 0);
                    key += Math.max(record.serializedKeySize(), 0);
                    for (Header header : record.headers()) {
                        headers += header.key().getBytes(StandardCharsets.UTF_8).length
                                + (header.value() == null ? 0 : header.value().length);
                    }
                }
            }
        }
        if (records == 0) {
            throw new IllegalStateException("no records in " + topic);
        }
        return new RecordSizes(records, (double) value / records, (double) key / records, (double) headers / records);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
