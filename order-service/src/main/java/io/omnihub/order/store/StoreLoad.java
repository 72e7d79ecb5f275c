package io.omnihub.order.store;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Fulfilments a store was given on one UTC day. */
@Document("store_load")
record StoreLoad(@Id String id, String storeId, @Indexed String day, long count) {
}
