package io.omnihub.catalog.messaging;

import io.omnihub.catalog.photo.PhotoService;
import io.omnihub.catalog.product.ProductService;
import io.omnihub.catalog.product.ProductUpdate;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.platform.kafka.BatchRecords;
import io.omnihub.platform.kafka.CloudEventHeaders;
import io.omnihub.platform.kafka.InvalidEventException;
import io.omnihub.platform.kafka.KafkaConventionsConfiguration;
import io.omnihub.platform.web.CorrelationId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
            // what is logged about this record carries its import's correlation id
            try (var scope = CorrelationId.open(CloudEventHeaders.correlationId(record.headers()))) {
                Object event;
                try {
                    event = BatchRecords.read(record, json, ProductUpserted.class, PhotoAttached.class);
                    if (event instanceof ProductUpserted product) {
                        updates.add(ProductEvents.toUpdate(product));
                        continue;
                    }
                } catch (ConversionException | InvalidEventException unreadable) {
                    store(updates);
                    throw BatchRecords.unreadableAt(index, record, unreadable);
                }
                try {
                    photo((PhotoAttached) event);
                } catch (InvalidEventException unreadable) {
                    store(updates);
                    throw BatchRecords.unreadableAt(index, record, unreadable);
                } catch (RuntimeException failed) {
                    store(updates);
                    throw new BatchListenerFailedException("photo of " + record.key() + " not stored", failed,
                            index);
                }
            }
        }
        store(updates);
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
}
