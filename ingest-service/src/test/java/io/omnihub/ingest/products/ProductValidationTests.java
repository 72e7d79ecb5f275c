package io.omnihub.ingest.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.ingest.imports.RowError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductValidationTests {

    private static final Instant RECEIVED = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void aCompleteRowBecomesAnEventWithExactPrices() {
        var row = row(Map.of(ProductField.PRICE, "333,14", ProductField.DISCOUNTED_PRICE, "299.9",
                ProductField.PHOTO_URLS, "https://cdn.example.com/1.jpg; https://cdn.example.com/2.jpg",
                ProductField.ACTIVE, "Não", ProductField.CATEGORY, "Roupas > Camisetas"));

        var event = ProductValidation.validate(row, "imp-1", RECEIVED).event();

        assertThat(event.reference()).isEqualTo("1001");
        assertThat(event.ean()).isEqualTo("7891000000007");
        assertThat(event.price()).isEqualTo(new BigDecimal("333.14"));
        assertThat(event.discountedPrice()).isEqualTo(new BigDecimal("299.90"));
        assertThat(event.photoUrls()).containsExactly("https://cdn.example.com/1.jpg", "https://cdn.example.com/2.jpg");
        assertThat(event.active()).isFalse();
        assertThat(event.category()).isEqualTo("Roupas > Camisetas");
        assertThat(event.attributes()).containsEntry("Material", "Algodão");
        assertThat(event.importId()).isEqualTo("imp-1");
        assertThat(event.row()).isEqualTo(7);
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void theCategoryFollowsTheRulesOfCategoryFiles() {
        assertThat(ProductValidation.validate(row(Map.of(ProductField.CATEGORY, " Roupas >Camisetas ")), "imp-1",
                RECEIVED).event().category()).isEqualTo("Roupas > Camisetas");
        assertThat(reasons(Map.of(ProductField.CATEGORY, "Roupas > > Camisetas"))).singleElement().asString()
                .contains("empty segment");
    }

    @Test
    void activeDefaultsToTrue() {
        assertThat(ProductValidation.validate(row(Map.of()), "imp-1", RECEIVED).event().active()).isTrue();
    }

    @Test
    void reportsEveryBrokenRuleOfTheRowWithColumnAndValue() {
        var row = row(Map.of(ProductField.EAN, "7891000000008", ProductField.NAME, "", ProductField.PRICE, "100",
                ProductField.DISCOUNTED_PRICE, "120,50", ProductField.PHOTO_URLS, "ftp://x/1.jpg",
                ProductField.ACTIVE, "talvez"));

        List<RowError> errors = ProductValidation.validate(row, "imp-1", RECEIVED).errors();

        assertThat(errors).extracting(RowError::column).containsExactlyInAnyOrder("ean", "name",
                "discounted_price", "photo_urls", "active");
        assertThat(errors).allMatch(error -> error.row() == 7);
        assertThat(errors).filteredOn(error -> error.column().equals("discounted_price")).singleElement()
                .satisfies(error -> {
                    assertThat(error.value()).isEqualTo("120,50");
                    assertThat(error.reason()).isEqualTo("discounted price 120.50 is above the price 100.00");
                });
    }

    @Test
    void pricesMustBePositiveNumbersWithAtMostTwoDecimals() {
        assertThat(reasons(Map.of(ProductField.PRICE, "-10"))).contains("must be positive");
        assertThat(reasons(Map.of(ProductField.PRICE, "0"))).contains("must be positive");
        assertThat(reasons(Map.of(ProductField.PRICE, "12.345"))).contains("more than 2 decimal places");
        assertThat(reasons(Map.of(ProductField.PRICE, "doze"))).contains("not a number (write 129.90 or 129,90)");
        assertThat(reasons(Map.of(ProductField.DISCOUNTED_PRICE, ""))).contains("discounted_price is required");
    }

    @Test
    void photoUrlsMustBeHttpWithAHostAndNoCredentials() {
        assertThat(ProductValidation.urlProblem("https://cdn.example.com/a b.jpg")).isNotNull();
        assertThat(ProductValidation.urlProblem("javascript:alert(1)")).contains("http");
        assertThat(ProductValidation.urlProblem("http:///x.jpg")).contains("host");
        assertThat(ProductValidation.urlProblem("https://user:pw@cdn.example.com/x.jpg")).contains("credentials");
        assertThat(ProductValidation.urlProblem("http://cdn.example.com/x.jpg")).isNull();
    }

    private static List<String> reasons(Map<ProductField, String> overrides) {
        return ProductValidation.validate(row(overrides), "imp-1", RECEIVED).errors().stream().map(RowError::reason)
                .toList();
    }

    private static ProductRow row(Map<ProductField, String> overrides) {
        Map<ProductField, String> values = new EnumMap<>(ProductField.class);
        values.put(ProductField.REFERENCE, "1001");
        values.put(ProductField.EAN, "7891000000007");
        values.put(ProductField.NAME, "Camiseta Aurora Azul");
        values.put(ProductField.PRICE, "333.14");
        values.put(ProductField.DISCOUNTED_PRICE, "333.14");
        values.putAll(overrides);
        return new ProductRow(7, values, List.of(), Map.of("Material", "Algodão"));
    }
}
