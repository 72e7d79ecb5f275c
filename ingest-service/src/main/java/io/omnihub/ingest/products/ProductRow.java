package io.omnihub.ingest.products;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One product as read, before validation: standard fields and custom attributes as text, whatever the
 * source (a spreadsheet row or a JSON item).
 *
 * @param number    the row number (or JSON item index + 1)
 * @param photoUrls the URLs as listed: from a JSON array, or split from one cell
 */
record ProductRow(long number, Map<ProductField, String> values, List<String> photoUrls,
        Map<String, String> attributes) {

    ProductRow {
        values = values.isEmpty() ? new EnumMap<>(ProductField.class) : new EnumMap<>(values);
        photoUrls = List.copyOf(photoUrls);
        attributes = new LinkedHashMap<>(attributes);
    }

    String value(ProductField field) {
        String value = values.get(field);
        return value == null ? "" : value.strip();
    }

    boolean isBlank() {
        return values.values().stream().allMatch(String::isBlank) && photoUrls.isEmpty()
                && attributes.values().stream().allMatch(String::isBlank);
    }
}
