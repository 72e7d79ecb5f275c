package io.omnihub.catalog.messaging;

import io.omnihub.catalog.category.CategoryService;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.CategoryImported;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Category paths from ingest into the tree; an idempotent upsert per node, so redelivery is harmless. */
@Component
class CategoryEventsListener {

    private final CategoryService categories;

    CategoryEventsListener(CategoryService categories) {
        this.categories = categories;
    }

    @KafkaListener(topics = Topics.CATALOG_CATEGORIES)
    void on(CategoryImported event) {
        categories.ensurePath(event.segments());
    }
}
