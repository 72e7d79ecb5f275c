package io.omnihub.catalog.messaging;

import io.omnihub.catalog.category.CategoryService;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.CategoryImported;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Catalog events from ingest into the catalog; every effect is an idempotent upsert, so redelivery is harmless. */
@Component
class CatalogEventsListener {

    private final CategoryService categories;

    CatalogEventsListener(CategoryService categories) {
        this.categories = categories;
    }

    @KafkaListener(topics = Topics.CATALOG_CATEGORIES)
    void on(CategoryImported event) {
        categories.ensurePath(event.segments());
    }
}
