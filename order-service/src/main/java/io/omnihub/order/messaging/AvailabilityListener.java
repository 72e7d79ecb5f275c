package io.omnihub.order.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.inventory.AvailabilityChanged;
import io.omnihub.order.availability.AvailabilityProjection;
import io.omnihub.order.availability.AvailabilityProjection.Entry;
import io.omnihub.platform.kafka.BatchRecords;
import io.omnihub.platform.kafka.InvalidEventException;
import io.omnihub.platform.kafka.KafkaConventionsConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compacted {@code inventory.availability} into the routing's projection (highest version per
 * {@code storeId:ean} wins). When the projection is empty (a fresh database) the partitions are read again from
 * the beginning, whatever offsets the group committed: the compacted topic is the whole picture. A poll's records
 * are stored with one bulk write and their offsets committed once (every reserved line announces a new
 * availability: one upsert and one commit each were an eighth of order-service's CPU per order).
 */
@Component
class AvailabilityListener extends AbstractConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityListener.class);

    /** About fifty availability figures. */
    static final int GATHER_BYTES = 16_384;
    static final int GATHER_MS = 200;

    private final AvailabilityProjection availability;
    private final JsonMapper json;

    AvailabilityListener(AvailabilityProjection availability, JsonMapper json) {
        this.availability = availability;
        this.json = json;
    }

    /**
     * The broker holds a fetch until it has a few records or {@value #GATHER_MS} ms have passed: under load a poll
     * brings many orders' figures (one read, one bulk write, one commit for all of them) instead of one or two;
     * routing sees a figure up to that much later, which a reservation refused by inventory covers.
     */
    @KafkaListener(topics = Topics.INVENTORY_AVAILABILITY, batch = "true",
            containerPostProcessor = KafkaConventionsConfiguration.ACKS_PER_BATCH,
            properties = {"fetch.min.bytes=" + GATHER_BYTES, "fetch.max.wait.ms=" + GATHER_MS})
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<Entry> entries = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            try {
                AvailabilityChanged event = (AvailabilityChanged) BatchRecords.read(record, json,
                        AvailabilityChanged.class);
                if (event.storeId() == null || event.ean() == null) {
                    throw new InvalidEventException("availability without store or EAN: " + event);
                }
                entries.add(new Entry(event.storeId(), event.ean(), event.available(), event.version()));
            } catch (ConversionException | InvalidEventException unreadable) {
                // the records before it are stored and committed; it goes to the dead letters; the rest come again
                availability.applyAll(entries);
                throw BatchRecords.unreadableAt(index, record, unreadable);
            }
        }
        availability.applyAll(entries);
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
