package io.omnihub.catalog.messaging;

import io.omnihub.catalog.category.CategoryService;
import io.omnihub.catalog.product.ProductService;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.CategoryImported;
import io.omnihub.contracts.catalog.ProductUpserted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Catalog events from ingest into the catalog. Every effect is an idempotent upsert (products: only when newer
 * than what is stored), so redelivery and late arrivals are harmless.
 */
@Component
class CatalogEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CatalogEventsListener.class);

    private final CategoryService categories;
    private final ProductService products;

    CatalogEventsListener(CategoryService categories, ProductService products) {
        this.categories = categories;
        this.products = products;
    }

    @KafkaListener(topics = Topics.CATALOG_CATEGORIES)
    void on(CategoryImported event) {
        categories.ensurePath(event.segments());
    }

    @KafkaListener(topics = Topics.CATALOG_PRODUCTS)
    void on(ProductUpserted event) {
        if (!products.apply(ProductEvents.toUpdate(event))) {
            log.debug("Product {} from {} row {} ignored: the stored description is as new or newer",
                    event.reference(), event.importId(), event.row());
        }
    }
}
