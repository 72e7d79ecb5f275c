package io.omnihub.catalog.messaging;

import io.omnihub.catalog.photo.PhotoService;
import io.omnihub.catalog.product.ProductService;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.platform.kafka.CloudEventHeaders;
import io.omnihub.platform.kafka.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * {@code catalog.products} into the catalog: product descriptions and photos, each record bound by its
 * {@code ce_type} header. Both are applied only when newer than what is stored, so redelivery and late
 * arrivals are harmless; a photo may come before its product and is kept until it does.
 */
@Component
@KafkaListener(topics = Topics.CATALOG_PRODUCTS)
class ProductEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProductEventsListener.class);

    private final ProductService products;
    private final PhotoService photos;

    ProductEventsListener(ProductService products, PhotoService photos) {
        this.products = products;
        this.photos = photos;
    }

    @KafkaHandler
    void product(ProductUpserted event) {
        if (!products.apply(ProductEvents.toUpdate(event))) {
            log.debug("Product {} from {} row {} ignored: the stored description is as new or newer",
                    event.reference(), event.importId(), event.row());
        }
    }

    @KafkaHandler
    void photo(PhotoAttached event) {
        if (!photos.apply(ProductEvents.toPhoto(event))) {
            log.debug("Photo {} {} from {} ignored: the stored image is as new or newer", event.reference(),
                    event.sequence(), event.importId());
        }
    }

    /**
     * Without a {@code ce_type} (or with one this topic does not carry) a record has no type to be bound to:
     * it is dead-lettered at once, saying so, rather than retried or read as some other event.
     */
    @KafkaHandler(isDefault = true)
    void unknown(Object event, @Header(name = CloudEventHeaders.TYPE, required = false) String type) {
        // a record without a known type never gets here: the platform's converter dead-letters it
        throw new InvalidEventException(Topics.CATALOG_PRODUCTS + " carries ProductUpserted and PhotoAttached, told "
                + "apart by the " + CloudEventHeaders.TYPE + " header; this record's is '" + type + "'");
    }
}
