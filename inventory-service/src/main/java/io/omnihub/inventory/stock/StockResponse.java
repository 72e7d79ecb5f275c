package io.omnihub.inventory.stock;

import java.time.Instant;

/** The stock of one EAN at one store: the ERP's figure, what is reserved and what may be promised. */
record StockResponse(String storeId, String ean, long onHand, long reserved, long available, Instant asOf) {

    static StockResponse of(StockLevel level) {
        return new StockResponse(level.storeId(), level.ean(), level.onHand(), level.reserved(), level.available(),
                level.asOf());
    }
}
