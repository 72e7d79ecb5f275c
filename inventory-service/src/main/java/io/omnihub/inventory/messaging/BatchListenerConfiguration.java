package io.omnihub.inventory.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * Batch listeners commit a poll's offsets once the whole batch is stored: the platform's per-record
 * acknowledgement (one synchronous commit per record) cannot apply to a listener that stores many records with
 * one write, and was one of the two things that made the stock import slow.
 */
@Configuration(proxyBeanMethods = false)
class BatchListenerConfiguration {

    static final String BATCH_ACKS = "batchAcks";

    @Bean(BATCH_ACKS)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> batchAcks() {
        return container -> container.getContainerProperties().setAckMode(AckMode.BATCH);
    }
}
