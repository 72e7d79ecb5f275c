package io.omnihub.inventory.stock;

/** A pair kept changing under one change for every attempt: worth a retry of the whole event later. */
class StockConflictException extends RuntimeException {

    StockConflictException(String ids, int attempts) {
        super("stock " + ids + " changed concurrently " + attempts + " times in a row");
    }
}
