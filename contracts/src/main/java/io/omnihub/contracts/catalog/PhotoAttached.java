package io.omnihub.contracts.catalog;

import io.omnihub.contracts.EventType;
import java.time.Instant;

/**
 * A product photo the ERP dropped in the inbox as {@code <reference> <sequence>.<ext>}. Keyed by
 * {@link #reference()} on {@code catalog.products}, so it is ordered with the product's updates; it may
 * arrive before the product does. A later photo with the same sequence replaces the earlier one.
 *
 * @param sequence    the photo's place among the product's photos (1 first)
 * @param contentType {@code image/jpeg}, {@code image/png}, {@code image/webp} or {@code image/gif}, from the bytes
 * @param bucket      where the image is kept
 * @param key         its object key in that bucket
 */
@EventType("io.omnihub.catalog.photo-attached")
public record PhotoAttached(String reference, int sequence, String contentType, long size, String bucket,
        String key, String importId, Instant receivedAt) {
}
