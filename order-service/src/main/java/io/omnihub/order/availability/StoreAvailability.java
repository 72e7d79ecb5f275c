package io.omnihub.order.availability;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Units of an EAN a store can promise, at the highest version seen. {@code id} is {@code storeId:ean}. */
@Document("availability")
public record StoreAvailability(@Id String id, String storeId, @Indexed String ean, long available, long version) {
}
