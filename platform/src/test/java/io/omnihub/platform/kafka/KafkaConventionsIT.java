package io.omnihub.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.catalog.CategoryImported;
import io.omnihub.contracts.catalog.PhotoAttached;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.context.annotation.Import;

@SpringBootTest(classes = KafkaConventionsIT.TestApplication.class, properties = { "omnihub.security.identity-secret=platform-test-identity-secret-of-32-chars",
        "spring.config.import=classpath:omnihub-platform.yml", "spring.application.name=platform-test",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "management.endpoint.health.validate-group-membership=false", "omnihub.kafka.partitions=4",
        "omnihub.kafka.writes=test.written,test.compacted", "omnihub.kafka.reads=test.flaky,test.invalid,test.mixed,test.strict",
        "omnihub.kafka.compacted=test.compacted", "omnihub.kafka.retry.initial-interval=10ms",
        "omnihub.kafka.retry.max-interval=20ms"})
@EmbeddedKafka(partitions = 1, topics = {"test.flaky", "test.invalid", "test.mixed", "test.strict"})
class KafkaConventionsIT {

    @Autowired
    EventPublisher publisher;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    Listeners listeners;

    private Consumer<String, byte[]> consumer;

    @AfterEach
    void close() {
        if (consumer != null) {
            consumer.close();
        }
        MDC.clear();
    }

    @Test
    void declaresWrittenTopicsWithPartitionsCompactionAndDeadLetterTwins() throws Exception {
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", kafka.getBrokersAsString()))) {
            var topics = admin.describeTopics(List.of("test.written", "test.compacted", "test.written-dlt",
                    "test.flaky-dlt", "test.invalid-dlt")).allTopicNames().get();

            assertThat(topics.get("test.written").partitions()).hasSize(4);
            assertThat(topics).containsKeys("test.written-dlt", "test.flaky-dlt", "test.invalid-dlt");
            var config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    "test.compacted"))).all().get().values().iterator().next();
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }

    @Test
    void publishesJsonWithCloudEventsHeadersAndNoJavaTypes() {
        consumer = consumerOf("test.written");
        MDC.put("correlationId", "corr-42");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publisher.publish("test.written", "Roupas", "imp-1:7",
                new CategoryImported(List.of("Roupas"), "imp-1", 7)).join();

        ConsumerRecord<String, byte[]> record = KafkaTestUtils.getSingleRecord(consumer, "test.written",
                Duration.ofSeconds(20));
        assertThat(record.key()).isEqualTo("Roupas");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"segments\":[\"Roupas\"],\"importId\":\"imp-1\",\"row\":7}");
        assertThat(header(record, "ce_id")).isEqualTo("imp-1:7");
        assertThat(header(record, "ce_type")).isEqualTo("io.omnihub.catalog.category-imported");
        assertThat(header(record, "ce_source")).isEqualTo("/omnihub/platform-test");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(Instant.parse(header(record, "ce_time"))).isBetween(before, Instant.now());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "correlation-id")).isEqualTo("corr-42");
        assertThat(record.headers()).noneMatch(h -> h.key().startsWith("__"));
    }

    @Test
    void retriesAFailingRecordWithBackOffThenDeadLettersIt() {
        consumer = consumerOf("test.flaky-dlt");

        publisher.publish("test.flaky", "k", new CategoryImported(List.of("Flaky"), "imp-2", 1)).join();

        ConsumerRecord<String, byte[]> dead = KafkaTestUtils.getSingleRecord(consumer, "test.flaky-dlt",
                Duration.ofSeconds(20));
        assertThat(dead.key()).isEqualTo("k");
        assertThat(listeners.flakyAttempts.get()).isEqualTo(4);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("still failing");
    }

    @Test
    void anInvalidEventIsDeadLetteredAtOnceWithoutRetries() {
        consumer = consumerOf("test.invalid-dlt");

        publisher.publish("test.invalid", "k", new CategoryImported(List.of("Invalid"), "imp-3", 1)).join();

        KafkaTestUtils.getSingleRecord(consumer, "test.invalid-dlt", Duration.ofSeconds(20));
        assertThat(listeners.invalidAttempts.get()).isEqualTo(1);
    }

    @Test
    void aTopicCarryingSeveralEventTypesReachesTheHandlerOfEachTypeByItsCloudEventsType() {
        publisher.publish("test.mixed", "1001", new PhotoAttached("1001", 1, "image/png", 10, "b", "k", "imp-4",
                Instant.EPOCH)).join();
        publisher.publish("test.mixed", "1001", new CategoryImported(List.of("Roupas"), "imp-4", 2)).join();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(listeners.mixed)
                .hasExactlyElementsOfTypes(PhotoAttached.class, CategoryImported.class));
    }

    @Test
    void anEventOfAnotherTypeThanTheListenerTakesIsDeadLetteredNotBoundFieldByField() {
        consumer = consumerOf("test.strict-dlt");

        publisher.publish("test.strict", "k", new PhotoAttached("1001", 1, "image/png", 10, "b", "k", "imp-5",
                Instant.EPOCH)).join();

        ConsumerRecord<String, byte[]> dead = KafkaTestUtils.getSingleRecord(consumer, "test.strict-dlt",
                Duration.ofSeconds(20));
        assertThat(header(dead, "ce_type")).isEqualTo("io.omnihub.catalog.photo-attached");
        assertThat(listeners.strictAttempts.get()).isZero();
    }

    private Consumer<String, byte[]> consumerOf(String topic) {
        Consumer<String, byte[]> created = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(kafka,
                "test-" + UUID.randomUUID(), false), new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        created.subscribe(java.util.List.of(topic));
        return created;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @SpringBootApplication
    @Import({Listeners.class, MixedListener.class})
    static class TestApplication {
    }

    @KafkaListener(topics = "test.mixed")
    static class MixedListener {

        private final Listeners listeners;

        MixedListener(Listeners listeners) {
            this.listeners = listeners;
        }

        @KafkaHandler
        void photo(PhotoAttached event) {
            listeners.mixed.add(event);
        }

        @KafkaHandler
        void category(CategoryImported event) {
            listeners.mixed.add(event);
        }
    }

    static class Listeners {

        final AtomicInteger flakyAttempts = new AtomicInteger();
        final AtomicInteger invalidAttempts = new AtomicInteger();
        final AtomicInteger strictAttempts = new AtomicInteger();
        final List<Object> mixed = new java.util.concurrent.CopyOnWriteArrayList<>();

        @KafkaListener(topics = "test.strict")
        void strict(CategoryImported event) {
            strictAttempts.incrementAndGet();
        }

        @KafkaListener(topics = "test.flaky")
        void flaky(CategoryImported event) {
            flakyAttempts.incrementAndGet();
            throw new IllegalStateException("still failing");
        }

        @KafkaListener(topics = "test.invalid")
        void invalid(CategoryImported event) {
            invalidAttempts.incrementAndGet();
            throw new InvalidEventException("cannot ever be processed");
        }
    }
}
