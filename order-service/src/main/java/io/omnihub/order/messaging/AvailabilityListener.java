package io.omnihub.order.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.inventory.AvailabilityChanged;
import io.omnihub.order.availability.AvailabilityProjection;
import io.omnihub.platform.kafka.InvalidEventException;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * The compacted {@code inventory.availability} into the routing's projection (highest version per
 * {@code storeId:ean} wins). When the projection is empty (a fresh database) the partitions are read again from
 * the beginning, whatever offsets the group committed: the compacted topic is the whole picture.
 */
@Component
class AvailabilityListener extends AbstractConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityListener.class);

    private final AvailabilityProjection availability;

    AvailabilityListener(AvailabilityProjection availability) {
        this.availability = availability;
    }

    @KafkaListener(topics = Topics.INVENTORY_AVAILABILITY)
    void on(AvailabilityChanged event) {
        if (event.storeId() == null || event.ean() == null) {
            throw new InvalidEventException("availability without store or EAN: " + event);
        }
        availability.apply(event.storeId(), event.ean(), event.available(), event.version());
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        if (!assignments.isEmpty() && availability.isEmpty()) {
            log.info("Availability projection empty: rebuilding it from the start of {}", assignments.keySet());
            callback.seekToBeginning(assignments.keySet());
        }
    }
}
