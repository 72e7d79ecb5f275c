package io.omnihub.ingest.products;

import io.omnihub.ingest.sheet.SheetRow;
import io.omnihub.ingest.sheet.UnreadableFileException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The header row of a product sheet: which column holds which field, in any order; columns with an
 * unknown header become custom attributes under that header.
 */
final class ProductHeader {

    private final ProductField[] fields;
    private final String[] attributes;

    private ProductHeader(ProductField[] fields, String[] attributes) {
        this.fields = fields;
        this.attributes = attributes;
    }

    /** Reads the header; a file without the required columns, or with one field twice, is refused whole. */
    static ProductHeader of(SheetRow header) {
        int width = header.cells().size();
        ProductField[] fields = new ProductField[width];
        String[] attributes = new String[width];
        Map<ProductField, String> seen = new EnumMap<>(ProductField.class);
        for (int column = 0; column < width; column++) {
            String name = header.cell(column).strip();
            if (name.isEmpty()) {
                continue;
            }
            var field = ProductField.byHeader(name);
            if (field.isPresent()) {
                String earlier = seen.putIfAbsent(field.get(), name);
                if (earlier != null) {
                    throw new UnreadableFileException("columns '" + earlier + "' and '" + name + "' both mean "
                            + field.get().column() + "; keep one");
                }
                fields[column] = field.get();
            } else {
                attributes[column] = name;
            }
        }
        List<String> missing = Arrays.stream(ProductField.values())
                .filter(field -> field.required() && !seen.containsKey(field)).map(ProductField::column).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFileException("missing required columns: " + String.join(", ", missing)
                    + " (the header row has: " + header.cells().stream().filter(cell -> !cell.isBlank())
                            .collect(Collectors.joining(", ")) + ")");
        }
        return new ProductHeader(fields, attributes);
    }

    ProductRow read(SheetRow row) {
        Map<ProductField, String> values = new EnumMap<>(ProductField.class);
        Map<String, String> custom = new LinkedHashMap<>();
        for (int column = 0; column < fields.length; column++) {
            String cell = row.cell(column);
            if (fields[column] != null) {
                values.put(fields[column], cell);
            } else if (attributes[column] != null && !cell.isBlank()) {
                custom.put(attributes[column], cell.strip());
            }
        }
        return new ProductRow(row.number(), values, List.of(), custom);
    }
}
