package io.omnihub.catalog.photo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The current image of one photo of a product, stored apart from the product so that a photo that arrives
 * before its product is kept. {@code id} is {@code <reference>#<sequence>}; {@code version} is the image's
 * {@link PhotoVersion#key()}: the document is only ever replaced by an image with a greater one.
 */
@Document("photos")
@CompoundIndex(name = "reference_sequence", def = "{'reference': 1, 'sequence': 1}")
record Photo(@Id String id, String reference, int sequence, String contentType, long size, String bucket, String key,
        String importId, Instant receivedAt, String version, Instant updatedAt) {

    static Photo of(PhotoUpdate update, Instant now) {
        return new Photo(idOf(update.reference(), update.sequence()), update.reference(), update.sequence(),
                update.contentType(), update.size(), update.bucket(), update.key(), update.importId(),
                update.receivedAt(), update.version().key(), now);
    }

    static String idOf(String reference, int sequence) {
        return reference + "#" + sequence;
    }
}
