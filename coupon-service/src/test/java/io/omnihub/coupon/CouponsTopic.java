package io.omnihub.coupon;

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

/** Reads {@code coupons.lifecycle} from the beginning, as a channel would, keeping the records per coupon code. */
final class CouponsTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Consumer<String, byte[]> consumer;
    private final Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new ConcurrentHashMap<>();

    CouponsTopic(EmbeddedKafkaBroker kafka) {
        consumer = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(kafka,
                "coupons-" + UUID.randomUUID(), false), new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(Topics.COUPONS_LIFECYCLE));
    }

    /** Reads what arrived since the last call. */
    synchronized CouponsTopic poll() {
        KafkaTestUtils.getRecords(consumer, Duration.ofMillis(300)).records(Topics.COUPONS_LIFECYCLE)
                .forEach(record -> byKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record));
        return this;
    }

    List<ConsumerRecord<String, byte[]>> records(String code) {
        return List.copyOf(byKey.getOrDefault(code, List.of()));
    }

    /** The {@code ce_type} of each record of the coupon, in order. */
    List<String> types(String code) {
        return records(code).stream().map(record -> header(record, "ce_type")).toList();
    }

    /** The events of the coupon of the given type, in order. */
    List<JsonNode> events(String code, String type) {
        return records(code).stream().filter(record -> type.equals(header(record, "ce_type")))
                .map(record -> JSON.readTree(record.value())).toList();
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
