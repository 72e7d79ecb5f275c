package io.omnihub.order.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.order.catalog.Catalog;
import io.omnihub.order.catalog.CatalogProduct;
import io.omnihub.platform.kafka.CloudEventHeaders;
import io.omnihub.platform.kafka.InvalidEventException;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** {@code catalog.products} into the order's catalog projection (newest wins); photos are not its business. */
@Component
@KafkaListener(topics = Topics.CATALOG_PRODUCTS)
class CatalogListener {

    private final Catalog catalog;

    CatalogListener(Catalog catalog) {
        this.catalog = catalog;
    }

    @KafkaHandler
    void product(ProductUpserted event) {
        if (event.reference() == null || event.ean() == null || event.receivedAt() == null) {
            throw new InvalidEventException("product upserted without reference, ean or receivedAt: " + event);
        }
        catalog.upsert(new CatalogProduct(event.reference(), event.ean(), event.name(), event.brand(),
                event.category(), event.price(), event.discountedPrice(), event.active(),
                Catalog.sequence(event.receivedAt(), event.row())));
    }

    @KafkaHandler
    void photo(PhotoAttached event) {
        // orders carry no photos
    }

    @KafkaHandler(isDefault = true)
    void unknown(Object event, @Header(name = CloudEventHeaders.TYPE, required = false) String type) {
        throw new InvalidEventException(Topics.CATALOG_PRODUCTS + " carries ProductUpserted and PhotoAttached; "
                + "this record's " + CloudEventHeaders.TYPE + " is " + (type == null ? "missing" : "'" + type + "'"));
    }
}
