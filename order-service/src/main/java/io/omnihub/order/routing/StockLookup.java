package io.omnihub.order.routing;

/** Units of an EAN available to promise at a store (0 when unknown). */
@FunctionalInterface
public interface StockLookup {

    long available(String storeId, String ean);
}
