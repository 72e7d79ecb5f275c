package io.omnihub.catalog.product;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a batch of descriptions comes down to: per product, only its newest one can matter. */
final class ProductBatches {

    private ProductBatches() {
    }

    /**
     * The newest description of each product in the batch, whatever order they came in (a batch mixes
     * partitions and imports); products keep the order of their first description.
     */
    static Map<String, ProductUpdate> newestByReference(Collection<ProductUpdate> updates) {
        Map<String, ProductUpdate> newest = new LinkedHashMap<>();
        for (ProductUpdate update : updates) {
            newest.merge(update.reference(), update,
                    (kept, candidate) -> candidate.version().isNewerThan(kept.version()) ? candidate : kept);
        }
        return newest;
    }
}
