package io.omnihub.ingest.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockMode;
import io.omnihub.ingest.imports.RowError;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RidingStockTests {

    private static final Instant RECEIVED = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aStoreAndQuantityInAProductRowArePartialStockAsOfTheFilesReceipt() {
        var result = check("LJ001", "12");

        assertThat(result.errors()).isEmpty();
        assertThat(result.event()).isEqualTo(new StockLevelReported("LJ001", "7891000000007", 12, RECEIVED,
                StockMode.PARTIAL, null, "imp-1", 5, RECEIVED));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|''|false", "'  '|'  '|false", "LJ001|''|true", "''|3|true",
            "LJ001|3|true"})
    void aRowCarriesStockWhenItNamesAStoreOrAQuantity(String store, String quantity, boolean expected) {
        assertThat(RidingStock.present(store, quantity)).isEqualTo(expected);
    }

    @Test
    void aQuantityWithoutItsStoreIsAnErrorOfTheStoreColumn() {
        var result = check("", "3");

        assertThat(result.event()).isNull();
        assertThat(result.errors()).containsExactly(new RowError(5, "store", "", "a quantity needs its store"));
    }

    @Test
    void aStoreWithoutItsQuantityIsAnErrorOfTheQuantityColumn() {
        var result = check("LJ001", "");

        assertThat(result.event()).isNull();
        assertThat(result.errors()).containsExactly(new RowError(5, "quantity", "", "a store needs its quantity"));
    }

    @Test
    void theStockFilesRulesApplyAndNameTheProductFilesColumns() {
        var result = RidingStock.check(5, "7891000000007", "LJ 001", "-2", "imp-1", RECEIVED, "loja", "estoque");

        assertThat(result.event()).isNull();
        assertThat(result.errors()).extracting(RowError::column).containsExactly("loja", "estoque");
        assertThat(result.errors()).extracting(RowError::reason).contains(
                "negative quantity: the ERP reports units on hand");
    }

    @Test
    void aBadEanIsLeftToTheProductsOwnCheck() {
        var result = RidingStock.check(5, "7891000000008", "LJ001", "2", "imp-1", RECEIVED, "store", "quantity");

        assertThat(result.event()).isNull();
        assertThat(result.errors()).isEmpty();
    }

    private static RidingStock.Result check(String store, String quantity) {
        return RidingStock.check(5, "7891000000007", store, quantity, "imp-1", RECEIVED, "store", "quantity");
    }
}
