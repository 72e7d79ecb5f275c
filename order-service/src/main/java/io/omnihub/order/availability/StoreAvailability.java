package io.omnihub.order.availability;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Units of an EAN a store can promise, at the highest version seen. {@code id} is {@code storeId:ean}; a write
 * matches {@code {_id, version}} as read. Entries written by an earlier version also carry a {@code versionKey}
 * (the condition then): not read, removed by their next update.
 */
@Document("availability")
public record StoreAvailability(@Id String id, String storeId, @Indexed String ean, long available, long version) {
}
