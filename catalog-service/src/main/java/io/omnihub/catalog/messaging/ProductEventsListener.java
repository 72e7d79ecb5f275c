package io.omnihub.catalog.messaging;

import io.omnihub.catalog.photo.PhotoService;
import io.omnihub.catalog.product.ProductService;
import io.omnihub.catalog.product.ProductUpdate;
import io.omnihub.contracts.EventTypes;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.platform.kafka.CloudEventHeaders;
import io.omnihub.platform.kafka.InvalidEventException;
import io.omnihub.platform.kafka.KafkaConventionsConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code catalog.products} into the catalog, a poll's batch at a time: product descriptions and photos, each
 * record read by its {@code ce_type} header. The batch's products are stored with one bulk write (per product
 * only the newest description can matter), its photos one by one; both only when newer than what is stored,
 * so redelivery and late arrivals are harmless. The offsets are committed once the batch is stored.
 *
 * <p>A record that cannot be read is reported by its index: the records before it are stored and committed,
 * it goes to {@code catalog.products-dlt} at once, and the rest are delivered again.
 */
@Component
class ProductEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProductEventsListener.class);

    private final ProductService products;
    private final PhotoService photos;
    private final JsonMapper json;

    ProductEventsListener(ProductService products, PhotoService photos, JsonMapper json) {
        this.products = products;
        this.photos = photos;
        this.json = json;
    }

    @KafkaListener(topics = Topics.CATALOG_PRODUCTS, batch = "true",
            containerPostProcessor = KafkaConventionsConfiguration.ACKS_PER_BATCH)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<ProductUpdate> updates = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            Object event;
            try {
                event = read(record);
                if (event instanceof ProductUpserted product) {
                    updates.add(ProductEvents.toUpdate(product));
                    continue;
                }
            } catch (ConversionException | InvalidEventException unreadable) {
                store(updates);
                throw unreadableAt(index, record, unreadable);
            }
            try {
                photo((PhotoAttached) event);
            } catch (InvalidEventException unreadable) {
                store(updates);
                throw unreadableAt(index, record, unreadable);
            } catch (RuntimeException failed) {
                store(updates);
                throw new BatchListenerFailedException("photo of " + record.key() + " not stored", failed, index);
            }
        }
        store(updates);
    }

    /**
     * The refusal of the record at {@code index}, as the error handler needs it: it finds the index in the
     * {@link BatchListenerFailedException} anywhere among the causes, while the dead letter's headers name
     * the thrown exception's class and message. So the refusal stays outermost (and is not retried) and
     * carries the index as its cause, as a record listener's refusal would read.
     */
    private static RuntimeException unreadableAt(int index, ConsumerRecord<String, byte[]> record,
            RuntimeException unreadable) {
        var atIndex = new BatchListenerFailedException(unreadable.getMessage(), unreadable.getCause(), index);
        if (unreadable instanceof ConversionException) {
            return new ConversionException(unreadable.getMessage(), record, atIndex);
        }
        var refused = new InvalidEventException(unreadable.getMessage());
        refused.initCause(atIndex);
        return refused;
    }

    private void store(List<ProductUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        int applied = products.applyAll(updates);
        if (applied < updates.size()) {
            log.debug("{} of {} product descriptions ignored: the stored ones are as new or newer, or a later one "
                    + "of the same product came in the same batch", updates.size() - applied, updates.size());
        }
        updates.clear();
    }

    private void photo(PhotoAttached event) {
        if (!photos.apply(ProductEvents.toPhoto(event))) {
            log.debug("Photo {} {} from {} ignored: the stored image is as new or newer", event.reference(),
                    event.sequence(), event.importId());
        }
    }

    /**
     * The record's event. Without a {@code ce_type} (or with one this topic does not carry) a record has no
     * type to be bound to: it is refused, saying so, rather than retried or read as some other event.
     */
    private Object read(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        Class<?> eventClass = type == null ? null : EventTypes.classOf(type).orElse(null);
        if (eventClass == null) {
            throw new ConversionException("a record without a known ce_type reached a listener of several event "
                    + "types (" + CloudEventHeaders.TYPE + " '" + type + "')", record, null);
        }
        if (eventClass != ProductUpserted.class && eventClass != PhotoAttached.class) {
            throw new InvalidEventException(Topics.CATALOG_PRODUCTS + " carries ProductUpserted and PhotoAttached, "
                    + "told apart by the " + CloudEventHeaders.TYPE + " header; this record's is '" + type + "'");
        }
        if (record.value() == null) {
            throw new InvalidEventException("a " + eventClass.getSimpleName() + " record without a value");
        }
        try {
            return json.readValue(record.value(), eventClass);
        } catch (RuntimeException e) {
            throw new ConversionException("invalid " + eventClass.getSimpleName() + " JSON", record, e);
        }
    }
}
