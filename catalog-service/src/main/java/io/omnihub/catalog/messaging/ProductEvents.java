package io.omnihub.catalog.messaging;

import io.omnihub.catalog.photo.PhotoUpdate;
import io.omnihub.catalog.product.ProductUpdate;
import io.omnihub.contracts.Buckets;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.platform.kafka.InvalidEventException;
import java.util.ArrayList;
import java.util.List;

/** Maps {@code catalog.products} events to the catalog's product descriptions and photos. */
final class ProductEvents {

    private ProductEvents() {
    }

    static ProductUpdate toUpdate(ProductUpserted event) {
        if (event.reference() == null || event.reference().isBlank()) {
            throw new InvalidEventException("product event without a reference");
        }
        if (event.receivedAt() == null) {
            throw new InvalidEventException("product event " + event.reference() + " without receivedAt");
        }
        return new ProductUpdate(event.reference(), event.ean(), event.name(), event.description(), event.brand(),
                categoryPath(event.category()), event.color(), event.size(), event.price(), event.discountedPrice(),
                event.photoUrls(), event.active(), event.attributes(), event.importId(), event.row(),
                event.receivedAt());
    }

    /**
     * A photo of a product. Only images kept in the archive are taken: the API serves whatever object a photo
     * names, and must never be made to serve the inbox, reports or documents.
     */
    static PhotoUpdate toPhoto(PhotoAttached event) {
        if (!Buckets.ARCHIVE.equals(event.bucket())) {
            throw new InvalidEventException("photo event " + event.reference() + " " + event.sequence()
                    + " names bucket '" + event.bucket() + "': photos are kept in " + Buckets.ARCHIVE);
        }
        try {
            return new PhotoUpdate(event.reference(), event.sequence(), event.contentType(), event.size(),
                    event.bucket(), event.key(), event.importId(), event.receivedAt());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("photo event " + event.reference() + " " + event.sequence() + ": "
                    + e.getMessage());
        }
    }

    /**
     * The segments of {@code Roupas > Camisetas}, each trimmed with inner whitespace collapsed, as the
     * category import reads them, so that both land on the same node; blank segments are skipped.
     */
    static List<String> categoryPath(String category) {
        List<String> segments = new ArrayList<>();
        if (category == null) {
            return segments;
        }
        for (String segment : category.split(">")) {
            String name = segment.strip().replaceAll("\\s+", " ");
            if (!name.isEmpty()) {
                segments.add(name);
            }
        }
        return segments;
    }
}
