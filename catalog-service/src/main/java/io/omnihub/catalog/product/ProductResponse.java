package io.omnihub.catalog.product;

import io.omnihub.catalog.category.CategoryTree;
import io.omnihub.catalog.photo.PhotoResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product as the API shows it; the category's path is the one it has in the tree now. {@code photoUrls} are
 * the ERP's URLs as given; {@code photos} the images delivered as files, served by omnihub, in sequence order.
 */
record ProductResponse(String reference, String ean, String name, String description, String brand,
        CategoryRef category, String color, String size, BigDecimal price, BigDecimal discountedPrice,
        List<String> photoUrls, List<PhotoResponse> photos, boolean active, Map<String, String> attributes,
        Instant updatedAt, SourceRef source) {

    static ProductResponse of(Product product, CategoryTree tree, List<PhotoResponse> photos) {
        return new ProductResponse(product.reference(), product.ean(), product.name(), product.description(),
                product.brand(), CategoryRef.of(product, tree), product.color(), product.size(),
                plain(product.price()), plain(product.discountedPrice()),
                product.photoUrls() == null ? List.of() : product.photoUrls(), List.copyOf(photos), product.active(),
                product.attributeMap(), product.updatedAt(), SourceRef.of(product.source()));
    }

    // a scale below zero (1E+2) would be written in exponent notation
    private static BigDecimal plain(BigDecimal value) {
        return value == null || value.scale() >= 0 ? value : value.setScale(0);
    }

    /** The product's category: its id and its path, e.g. {@code Roupas > Camisetas}. */
    record CategoryRef(String id, String path) {

        static CategoryRef of(Product product, CategoryTree tree) {
            if (product.categoryId() == null) {
                return null;
            }
            String path = tree.pathText(product.categoryId());
            // a node missing from the tree cannot happen in order, but the ERP's path is still right
            if (path == null && product.categoryPath() != null) {
                path = String.join(CategoryTree.PATH_SEPARATOR, product.categoryPath());
            }
            return new CategoryRef(product.categoryId(), path);
        }
    }

    /** The import row the product's current description came from. */
    record SourceRef(String importId, long row, Instant receivedAt) {

        static SourceRef of(Product.Source source) {
            return source == null ? null : new SourceRef(source.importId(), source.row(), source.receivedAt());
        }
    }
}
