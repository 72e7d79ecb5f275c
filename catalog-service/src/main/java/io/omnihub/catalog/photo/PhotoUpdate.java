package io.omnihub.catalog.photo;

import java.time.Instant;
import java.util.Set;

/**
 * A photo of a product as the ERP delivered it: the image object kept in S3 at {@code bucket}/{@code key}.
 *
 * @param sequence    its place among the product's photos, 1 first
 * @param contentType the image type found in its bytes; the photo is served back with it
 * @param receivedAt  when omnihub received the image; a later one replaces the photo of the same sequence
 */
public record PhotoUpdate(String reference, int sequence, String contentType, long size, String bucket, String key,
        String importId, Instant receivedAt) {

    // served back as the response's Content-Type: anything else (text/html...) could be run by a browser
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");

    public PhotoUpdate {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a photo needs the reference of its product");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("a photo's sequence starts at 1: " + sequence);
        }
        if (!IMAGE_TYPES.contains(contentType)) {
            throw new IllegalArgumentException("not an image type a photo may have: " + contentType);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (bucket == null || bucket.isBlank() || key == null || key.isBlank()) {
            throw new IllegalArgumentException("a photo needs the bucket and key of its image");
        }
        if (receivedAt == null) {
            throw new IllegalArgumentException("a photo needs the time it was received");
        }
    }

    PhotoVersion version() {
        return new PhotoVersion(receivedAt, key);
    }
}
