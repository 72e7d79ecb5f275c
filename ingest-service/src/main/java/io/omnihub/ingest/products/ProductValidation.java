package io.omnihub.ingest.products;

import io.omnihub.contracts.catalog.CategoryImported;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.ingest.categories.CategoryPaths;
import io.omnihub.ingest.imports.RowError;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a product row must meet before it becomes an event, with every broken rule reported (row,
 * column, value, reason) so the ERP team can fix the file in one pass.
 */
final class ProductValidation {

    static final int MAX_REFERENCE = 64;
    static final int MAX_NAME = 300;
    static final int MAX_TEXT = 5_000;
    static final int MAX_ATTRIBUTE = 1_000;
    /** Caps that keep one product's event well under Kafka's 1 MB record limit, whatever the row holds. */
    static final int MAX_ATTRIBUTES = 100;
    static final int MAX_ATTRIBUTE_NAME = 100;
    static final int MAX_PHOTOS = 50;
    private static final Pattern URL_SEPARATORS = Pattern.compile("[\\s;,]+");
    private static final Set<String> TRUE = Set.of("true", "sim", "s", "yes", "y", "1", "ativo", "active");
    private static final Set<String> FALSE = Set.of("false", "nao", "não", "n", "no", "0", "inativo", "inactive");

    private ProductValidation() {
    }

    /** The event of a valid row, or the errors of an invalid one. */
    static Result validate(ProductRow row, String importId, Instant receivedAt) {
        List<RowError> errors = new ArrayList<>();
        String reference = required(row, ProductField.REFERENCE, MAX_REFERENCE, errors);
        String ean = required(row, ProductField.EAN, 14, errors);
        if (!ean.isEmpty() && Gtin.problem(ean) != null) {
            errors.add(error(row, ProductField.EAN, ean, Gtin.problem(ean)));
        }
        String name = required(row, ProductField.NAME, MAX_NAME, errors);
        BigDecimal price = money(row, ProductField.PRICE, errors);
        BigDecimal discounted = money(row, ProductField.DISCOUNTED_PRICE, errors);
        if (price != null && discounted != null && discounted.compareTo(price) > 0) {
            errors.add(error(row, ProductField.DISCOUNTED_PRICE, row.value(ProductField.DISCOUNTED_PRICE),
                    "discounted price " + discounted.toPlainString() + " is above the price " + price.toPlainString()));
        }
        List<String> photoUrls = photoUrls(row, errors);
        Boolean active = active(row, errors);
        if (row.attributes().size() > MAX_ATTRIBUTES) {
            errors.add(new RowError(row.number(), "attributes", String.join(", ", row.attributes().keySet()),
                    row.attributes().size() + " custom attributes; at most " + MAX_ATTRIBUTES));
        }
        for (Map.Entry<String, String> attribute : row.attributes().size() > MAX_ATTRIBUTES
                ? Map.<String, String>of().entrySet() : row.attributes().entrySet()) {
            if (attribute.getKey().length() > MAX_ATTRIBUTE_NAME) {
                errors.add(new RowError(row.number(), attribute.getKey(), attribute.getValue(),
                        "attribute name longer than " + MAX_ATTRIBUTE_NAME + " characters"));
            }
            if (attribute.getValue().length() > MAX_ATTRIBUTE) {
                errors.add(new RowError(row.number(), attribute.getKey(), clip(attribute.getValue()),
                        "longer than " + MAX_ATTRIBUTE + " characters"));
            }
        }
        String description = optional(row, ProductField.DESCRIPTION, MAX_TEXT, errors);
        String brand = optional(row, ProductField.BRAND, MAX_NAME, errors);
        String category = category(row, errors);
        String color = optional(row, ProductField.COLOR, MAX_NAME, errors);
        String size = optional(row, ProductField.SIZE, MAX_NAME, errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new ProductUpserted(reference, ean, name, description, brand, category, color, size,
                price, discounted, photoUrls, active == null || active, row.attributes(), importId, row.number(),
                receivedAt), List.of());
    }

    private static String required(ProductRow row, ProductField field, int maxLength, List<RowError> errors) {
        String value = row.value(field);
        if (value.isEmpty()) {
            errors.add(error(row, field, "", field.column() + " is required"));
            return "";
        }
        return checkLength(row, field, value, maxLength, errors);
    }

    private static String optional(ProductRow row, ProductField field, int maxLength, List<RowError> errors) {
        String value = row.value(field);
        return value.isEmpty() ? null : checkLength(row, field, value, maxLength, errors);
    }

    private static String checkLength(ProductRow row, ProductField field, String value, int maxLength,
            List<RowError> errors) {
        if (value.length() > maxLength) {
            errors.add(error(row, field, clip(value), "longer than " + maxLength + " characters"));
        }
        if (hasControlCharacters(value)) {
            errors.add(error(row, field, clip(value), "contains control characters"));
        }
        return value;
    }

    /** A plain loop: it runs on every cell of a file, and streams cost more than the check itself. */
    private static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** The same rules as a category file, so a product's category lands on the same node of the tree. */
    private static String category(ProductRow row, List<RowError> errors) {
        String value = row.value(ProductField.CATEGORY);
        if (value.isEmpty()) {
            return null;
        }
        CategoryPaths.Parsed parsed = CategoryPaths.parse(value);
        if (!parsed.valid()) {
            errors.add(error(row, ProductField.CATEGORY, clip(value), parsed.error()));
            return null;
        }
        return String.join(CategoryImported.PATH_SEPARATOR, parsed.segments());
    }

    private static BigDecimal money(ProductRow row, ProductField field, List<RowError> errors) {
        String value = row.value(field);
        if (value.isEmpty()) {
            errors.add(error(row, field, "", field.column() + " is required"));
            return null;
        }
        if (value.startsWith("-")) {
            errors.add(error(row, field, value, "must be positive"));
            return null;
        }
        Optional<BigDecimal> parsed = Decimals.parse(value);
        if (parsed.isEmpty()) {
            errors.add(error(row, field, clip(value), "not a number (write 129.90 or 129,90)"));
            return null;
        }
        BigDecimal amount = parsed.get().stripTrailingZeros();
        if (amount.signum() <= 0) {
            errors.add(error(row, field, value, "must be positive"));
            return null;
        }
        if (amount.scale() > 2) {
            errors.add(error(row, field, value, "more than 2 decimal places"));
            return null;
        }
        if (amount.compareTo(new BigDecimal("100000000")) >= 0) {
            errors.add(error(row, field, value, "too large"));
            return null;
        }
        return amount.setScale(2);
    }

    private static List<String> photoUrls(ProductRow row, List<RowError> errors) {
        List<String> given = new ArrayList<>(row.photoUrls());
        String cell = row.value(ProductField.PHOTO_URLS);
        if (!cell.isEmpty()) {
            given.addAll(List.of(URL_SEPARATORS.split(cell)));
        }
        List<String> urls = new ArrayList<>();
        if (given.size() > MAX_PHOTOS) {
            errors.add(error(row, ProductField.PHOTO_URLS, String.join(" ", given),
                    given.size() + " photo URLs; at most " + MAX_PHOTOS));
            return urls;
        }
        for (String url : given) {
            String trimmed = url.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String problem = urlProblem(trimmed);
            if (problem != null) {
                errors.add(error(row, ProductField.PHOTO_URLS, clip(trimmed), problem));
            } else {
                urls.add(trimmed);
            }
        }
        return urls;
    }

    /** Stored as given, never fetched here; still, only absolute http(s) URLs with a host are taken. */
    static String urlProblem(String url) {
        if (url.length() > 2_000) {
            return "URL longer than 2000 characters";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "photo URL must start with http:// or https://";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "photo URL has no host";
            }
            if (uri.getUserInfo() != null) {
                return "photo URL must not carry credentials";
            }
            return null;
        } catch (URISyntaxException e) {
            return "not a valid URL: " + e.getReason();
        }
    }

    private static Boolean active(ProductRow row, List<RowError> errors) {
        String value = row.value(ProductField.ACTIVE).toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        errors.add(error(row, ProductField.ACTIVE, row.value(ProductField.ACTIVE),
                "write true/false, sim/não or 1/0"));
        return null;
    }

    private static RowError error(ProductRow row, ProductField field, String value, String reason) {
        return new RowError(row.number(), field.column(), value, reason);
    }

    private static String clip(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }

    /** Either the event or the row's errors. */
    record Result(ProductUpserted event, List<RowError> errors) {
    }
}
