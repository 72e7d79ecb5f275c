package io.omnihub.contracts;

import java.util.List;

/**
 * The catalogue of Kafka topics: one writer each, keys chosen for the ordering the domain needs.
 * Constants, so that {@code @KafkaListener(topics = ...)} can name them.
 */
public final class Topics {

    /** Key: category path. Writer: ingest-service. */
    public static final String CATALOG_CATEGORIES = "catalog.categories";
    /** Key: product reference. Writer: ingest-service. */
    public static final String CATALOG_PRODUCTS = "catalog.products";
    /** Key: {@code storeId:ean}. Writer: ingest-service. */
    public static final String INVENTORY_STOCK_UPDATES = "inventory.stock-updates";
    /** Key: {@code storeId:ean}; compacted. Writer: inventory-service. */
    public static final String INVENTORY_AVAILABILITY = "inventory.availability";
    /** Key: order id. Writer: inventory-service. */
    public static final String INVENTORY_RESERVATIONS = "inventory.reservations";
    /** Key: order id. Writer: order-service. */
    public static final String ORDERS_COMMANDS = "orders.commands";
    /** Key: store id. Writer: order-service; read by the stores' ERPs. */
    public static final String ORDERS_FULFILLMENT_ASSIGNED = "orders.fulfillment-assigned";
    /** Key: order id. Writer: order-service. */
    public static final String ORDERS_LIFECYCLE = "orders.lifecycle";
    /** Key: coupon code. Writer: coupon-service. */
    public static final String COUPONS_LIFECYCLE = "coupons.lifecycle";
    /** Key: object key. Writer: MinIO bucket notifications (production only; the embedded stack polls). */
    public static final String STORAGE_INBOX_EVENTS = "storage.inbox-events";

    /** Records a consumer could not handle go to {@code <topic>-dlt}. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    /** Every topic omnihub itself writes, in the order of the design's table. */
    public static final List<String> ALL = List.of(CATALOG_CATEGORIES, CATALOG_PRODUCTS, INVENTORY_STOCK_UPDATES,
            INVENTORY_AVAILABILITY, INVENTORY_RESERVATIONS, ORDERS_COMMANDS, ORDERS_FULFILLMENT_ASSIGNED,
            ORDERS_LIFECYCLE, COUPONS_LIFECYCLE);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
