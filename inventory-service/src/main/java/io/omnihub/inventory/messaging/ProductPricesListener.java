package io.omnihub.inventory.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.inventory.reconciliation.PriceBook;
import io.omnihub.inventory.reconciliation.PriceReport;
import io.omnihub.platform.kafka.CloudEventHeaders;
import io.omnihub.platform.kafka.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * {@code catalog.products} into inventory's own price projection (the value of a drift): only the EAN and its
 * selling price matter here; photos are of no concern to the stock.
 */
@Component
@KafkaListener(topics = Topics.CATALOG_PRODUCTS)
class ProductPricesListener {

    private static final Logger log = LoggerFactory.getLogger(ProductPricesListener.class);

    private final PriceBook prices;

    ProductPricesListener(PriceBook prices) {
        this.prices = prices;
    }

    @KafkaHandler
    void product(ProductUpserted product) {
        try {
            if (!prices.record(new PriceReport(product.ean(), product.reference(), product.discountedPrice(),
                    product.receivedAt(), product.row()))) {
                log.debug("Price of {} from {} row {} is older than the one kept", product.ean(), product.importId(),
                        product.row());
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("product " + product.reference() + ": " + e.getMessage());
        }
    }

    @KafkaHandler
    void photo(PhotoAttached photo) {
        // the stock has no use for photos
    }

    /** A record without a type this topic carries is dead-lettered at once, saying so, never guessed at. */
    @KafkaHandler(isDefault = true)
    void unknown(Object event, @Header(name = CloudEventHeaders.TYPE, required = false) String type) {
        throw new InvalidEventException(Topics.CATALOG_PRODUCTS + " carries ProductUpserted and PhotoAttached; this "
                + "record's " + CloudEventHeaders.TYPE + " is " + (type == null ? "missing" : "'" + type + "'"));
    }
}
