package io.omnihub.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * A product as the BSON document Spring Data's mapping writes for it (field for field, with the type hint), built
 * directly: an import stores every product of every batch, and the generic mapping (reflection, type resolution,
 * a lifecycle event per document) was a third of the catalog's CPU. Reading still goes through the mapping;
 * {@code ProductDocumentTests} holds this to what the mapping writes.
 */
final class ProductDocument {

    /** The type hint the mapping writes and reads back. */
    static final String TYPE_HINT = Product.class.getName();

    private ProductDocument() {
    }

    static Document of(Product product) {
        Document document = new Document("_id", product.reference());
        putIfSet(document, "ean", product.ean());
        putIfSet(document, "name", product.name());
        putIfSet(document, "description", product.description());
        putIfSet(document, "brand", product.brand());
        putIfSet(document, "categoryId", product.categoryId());
        putIfSet(document, "categoryPath", product.categoryPath());
        putIfSet(document, "color", product.color());
        putIfSet(document, "size", product.size());
        putIfSet(document, "price", decimal(product.price()));
        putIfSet(document, "discountedPrice", decimal(product.discountedPrice()));
        putIfSet(document, "photoUrls", product.photoUrls());
        document.put("active", product.active());
        if (product.attributes() != null) {
            List<Document> attributes = new ArrayList<>(product.attributes().size());
            for (Product.Attribute attribute : product.attributes()) {
                Document pair = new Document();
                putIfSet(pair, "name", attribute.name());
                putIfSet(pair, "value", attribute.value());
                attributes.add(pair);
            }
            document.put("attributes", attributes);
        }
        putIfSet(document, "updatedAt", date(product.updatedAt()));
        if (product.source() != null) {
            Document source = new Document();
            putIfSet(source, "importId", product.source().importId());
            source.put("row", product.source().row());
            putIfSet(source, "receivedAt", date(product.source().receivedAt()));
            document.put("source", source);
        }
        putIfSet(document, "version", product.version());
        if (product.search() != null) {
            Document search = new Document();
            putIfSet(search, "name", product.search().name());
            putIfSet(search, "reference", product.search().reference());
            putIfSet(search, "brand", product.search().brand());
            document.put("search", search);
        }
        document.put("_class", TYPE_HINT);
        return document;
    }

    /** The mapping leaves out a property that is null. */
    private static void putIfSet(Document document, String field, Object value) {
        if (value != null) {
            document.put(field, value);
        }
    }

    private static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
