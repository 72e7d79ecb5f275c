package io.omnihub.ingest.stock;

import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockMode;
import io.omnihub.ingest.imports.RowError;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stock riding in a product file: a product row's {@code store} and {@code quantity}, checked by the rules of
 * a stock file's row. Such a figure is a partial update (only that pair changes) as of the file's receipt.
 */
public final class RidingStock {

    private RidingStock() {
    }

    /** Whether the row carries a stock figure at all: a store, a quantity, or both. */
    public static boolean present(String store, String quantity) {
        return !store.isBlank() || !quantity.isBlank();
    }

    /**
     * The event of the row's stock figure, or why it cannot be one. A store without a quantity (or the other
     * way round) is an error: the ERP meant to say something, and half of it is not a figure.
     */
    public static Result check(long row, String ean, String store, String quantity, String importId,
            Instant receivedAt, String storeColumn, String quantityColumn) {
        if (store.isBlank() || quantity.isBlank()) {
            return store.isBlank()
                    ? Result.invalid(new RowError(row, storeColumn, "", "a quantity needs its store"))
                    : Result.invalid(new RowError(row, quantityColumn, "", "a store needs its quantity"));
        }
        Map<StockField, String> values = new EnumMap<>(StockField.class);
        values.put(StockField.EAN, ean);
        values.put(StockField.STORE, store);
        values.put(StockField.QUANTITY, quantity);
        // no as-of column in a product file: the zone is never used
        var checked = StockRules.check(row, values, receivedAt, ZoneOffset.UTC);
        if (checked.row() == null) {
            // the product's own EAN check reports a bad EAN; the stock rules only add the stock's errors
            List<RowError> errors = checked.errors().stream()
                    .filter(error -> !error.column().equals(StockField.EAN.column()))
                    .map(error -> new RowError(error.row(), error.column().equals(StockField.STORE.column())
                            ? storeColumn : quantityColumn, error.value(), error.reason()))
                    .toList();
            return new Result(null, errors);
        }
        var level = checked.row();
        return new Result(new StockLevelReported(level.storeId(), level.ean(), level.quantity(), level.asOf(),
                StockMode.PARTIAL, null, importId, row, receivedAt), List.of());
    }

    /** Either the event or the errors of the row's stock figure. */
    public record Result(StockLevelReported event, List<RowError> errors) {

        static Result invalid(RowError error) {
            return new Result(null, List.of(error));
        }
    }
}
