package io.omnihub.order.documents;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The documents of one fulfilment (collection {@code fulfillmentDocuments}, id = fulfilment id): where each object
 * is in the bucket and what it is. The objects themselves live in {@code omnihub-documents}.
 */
@Document("fulfillmentDocuments")
record FulfillmentDocuments(@Id String fulfillmentId, @Indexed String orderId, String storeId,
        StoredDocument proofOfDelivery, ShippingLabel shippingLabel) {

    /** A file a store uploaded; {@code first}: no proof was there before it (a retry answers 201 again). */
    record StoredDocument(String key, String contentType, long size, String sha256, String eTag,
            Instant storedAt, String storedBy, boolean first) {
    }

    /** A label a carrier booked; printed again from the bucket on every later request. */
    record ShippingLabel(String key, String carrier, String trackingCode, long size, String eTag,
            Instant createdAt) {
    }
}
