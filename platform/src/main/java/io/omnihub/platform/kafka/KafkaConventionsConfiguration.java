package io.omnihub.platform.kafka;

import io.omnihub.contracts.Topics;
import jakarta.validation.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Kafka recipe of every service: JSON events with CloudEvents headers, listeners that bind their
 * own types, retry with back-off then {@code <topic>-dlt} (invalid records are not retried), and the
 * topics the service writes declared with their dead-letter twins.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(OmnihubKafkaProperties.class)
public class KafkaConventionsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, JsonMapper json, Environment environment,
            Clock clock) {
        return new EventPublisher(template, json, environment.getRequiredProperty("spring.application.name"), clock);
    }

    /**
     * For batch listeners ({@code containerPostProcessor = KafkaConventionsConfiguration.ACKS_PER_BATCH}): a poll's
     * offsets are committed once the whole batch is stored. Since every listener now commits per poll
     * ({@code ack-mode: batch} in omnihub-platform.yml) this only pins that down for the listeners whose single write
     * per batch relies on it.
     */
    public static final String ACKS_PER_BATCH = "omnihubAcksPerBatch";

    @Bean(ACKS_PER_BATCH)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> acksPerBatch() {
        return container -> container.getContainerProperties().setAckMode(AckMode.BATCH);
    }

    /** Listeners receive bytes and get them bound, as JSON, to their parameter's type (or the ce_type's). */
    @Bean
    RecordMessageConverter recordMessageConverter(JsonMapper json) {
        return new CloudEventMessageConverter(json);
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, OmnihubKafkaProperties properties) {
        var backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(),
                properties.retry().multiplier());
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        backOff.setMaxAttempts(properties.retry().attempts());
        var handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template,
                // partition left to the key: the dead-letter topic need not mirror the source's partitions
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1)), backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, ValidationException.class,
                IllegalArgumentException.class);
        return handler;
    }

    @Bean
    RecordInterceptor<Object, Object> correlationIdRecordInterceptor() {
        return new CorrelationIdRecordInterceptor();
    }

    @Bean
    KafkaAdmin.NewTopics omnihubTopics(OmnihubKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(declaredTopics(properties).toArray(NewTopic[]::new));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    static List<NewTopic> declaredTopics(OmnihubKafkaProperties properties) {
        Set<String> deadLetters = new LinkedHashSet<>();
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : properties.writes()) {
            TopicBuilder builder = TopicBuilder.name(topic).partitions(properties.partitions())
                    .replicas(properties.replicationFactor());
            if (properties.compacted().contains(topic)) {
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(builder.build());
            deadLetters.add(Topics.deadLetter(topic));
        }
        properties.reads().forEach(topic -> deadLetters.add(Topics.deadLetter(topic)));
        deadLetters.forEach(topic -> topics.add(TopicBuilder.name(topic).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build()));
        return topics;
    }
}
