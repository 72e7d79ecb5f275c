package io.omnihub.inventory.stock;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.platform.security.StoreScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/stock/{ean}} (per store) and {@code GET /api/v1/stores/{storeId}/stock} (paged, by EAN). */
@RestController
@RequestMapping("/api/v1")
class StockController {

    static final String EAN = "\\d{8,14}";
    static final String STORE_ID = "[A-Za-z0-9._-]{1,32}";

    private final StockService stock;

    StockController(StockService stock) {
        this.stock = stock;
    }

    /** Only the stores the caller covers: a store's key sees its own stock, not its neighbours'. */
    @GetMapping("/stock/{ean}")
    EanStockResponse ofEan(@PathVariable @Pattern(regexp = EAN, message = "must be a GTIN of 8 to 14 digits")
            String ean, Identity identity) {
        List<StockResponse> stores = stock.ofEan(ean).stream().filter(level -> identity.covers(level.storeId()))
                .map(StockResponse::of).toList();
        if (stores.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No store has stock figures for EAN " + ean);
        }
        return new EanStockResponse(ean, stores);
    }

    @GetMapping("/stores/{storeId}/stock")
    StockPage ofStore(@PathVariable @Pattern(regexp = STORE_ID, message = "must be 1-32 letters, digits, . _ -")
            String storeId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Identity identity) {
        StoreScope.requireStore(identity, storeId);
        StockPage found = stock.ofStore(storeId, page, size);
        if (found.totalItems() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No stock figures for store " + storeId);
        }
        return found;
    }
}
