package io.omnihub.inventory.stock;

import java.util.List;

/** The stock of one EAN at every store that holds a figure for it, sorted by store. */
record EanStockResponse(String ean, List<StockResponse> stores) {
}
