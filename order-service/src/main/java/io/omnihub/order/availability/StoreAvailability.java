package io.omnihub.order.availability;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Units of an EAN a store can promise, at the highest version seen. {@code id} is {@code storeId:ean};
 * {@code versionKey} is {@code id#version}, unique, the condition of the next write (null in entries written
 * before it existed).
 */
@Document("availability")
public record StoreAvailability(@Id String id, String storeId, @Indexed String ean, long available, long version,
        @Indexed(unique = true, sparse = true) String versionKey) {

    static String versionKey(String id, long version) {
        return id + "#" + version;
    }
}
