package io.omnihub.contracts;

import io.omnihub.contracts.catalog.CategoryImported;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.contracts.coupons.CouponCancelled;
import io.omnihub.contracts.coupons.CouponExpired;
import io.omnihub.contracts.coupons.CouponExtended;
import io.omnihub.contracts.coupons.CouponIssued;
import io.omnihub.contracts.coupons.CouponRedeemed;
import io.omnihub.contracts.inventory.AvailabilityChanged;
import io.omnihub.contracts.inventory.ReservationConfirmed;
import io.omnihub.contracts.inventory.ReservationRefused;
import io.omnihub.contracts.inventory.ReservationReleased;
import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockSnapshotCompleted;
import io.omnihub.contracts.orders.ConsumeStock;
import io.omnihub.contracts.orders.FulfillmentAssigned;
import io.omnihub.contracts.orders.FulfillmentStatusChanged;
import io.omnihub.contracts.orders.FulfillmentWithdrawn;
import io.omnihub.contracts.orders.MarkOutOfStock;
import io.omnihub.contracts.orders.OrderLinesUnfulfillable;
import io.omnihub.contracts.orders.OrderReceived;
import io.omnihub.contracts.orders.OrderRerouted;
import io.omnihub.contracts.orders.ReleaseStock;
import io.omnihub.contracts.orders.ReserveStock;
import io.omnihub.contracts.orders.RestockReturn;
import io.omnihub.contracts.orders.ReturnRecorded;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event record omnihub writes, by its CloudEvents type: what lets a consumer of a topic that carries
 * several event types bind each record to the right class without Java names on the wire.
 */
public final class EventTypes {

    /** What each topic carries, in the order of {@link Topics#ALL}: the source of the AsyncAPI document. */
    public static final Map<String, List<Class<? extends Record>>> BY_TOPIC = byTopic();

    public static final List<Class<? extends Record>> ALL = BY_TOPIC.values().stream().flatMap(List::stream)
            .toList();

    private static final Map<String, Class<? extends Record>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

    private EventTypes() {
    }

    private static Map<String, List<Class<? extends Record>>> byTopic() {
        var topics = new LinkedHashMap<String, List<Class<? extends Record>>>();
        topics.put(Topics.CATALOG_CATEGORIES, List.of(CategoryImported.class));
        topics.put(Topics.CATALOG_PRODUCTS, List.of(ProductUpserted.class, PhotoAttached.class));
        topics.put(Topics.INVENTORY_STOCK_UPDATES, List.of(StockLevelReported.class, StockSnapshotCompleted.class));
        topics.put(Topics.INVENTORY_AVAILABILITY, List.of(AvailabilityChanged.class));
        topics.put(Topics.INVENTORY_RESERVATIONS, List.of(ReservationConfirmed.class, ReservationRefused.class,
                ReservationReleased.class));
        topics.put(Topics.ORDERS_COMMANDS, List.of(ReserveStock.class, ReleaseStock.class, ConsumeStock.class,
                RestockReturn.class, MarkOutOfStock.class));
        topics.put(Topics.ORDERS_FULFILLMENT_ASSIGNED, List.of(FulfillmentAssigned.class,
                FulfillmentWithdrawn.class));
        topics.put(Topics.ORDERS_LIFECYCLE, List.of(OrderReceived.class, FulfillmentStatusChanged.class,
                OrderRerouted.class, OrderLinesUnfulfillable.class, ReturnRecorded.class));
        topics.put(Topics.COUPONS_LIFECYCLE, List.of(CouponIssued.class, CouponRedeemed.class, CouponCancelled.class,
                CouponExpired.class, CouponExtended.class));
        return Collections.unmodifiableMap(topics);
    }

    public static String typeOf(Class<?> event) {
        EventType type = event.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(event.getSimpleName() + " has no @EventType");
        }
        return type.value();
    }

    public static Optional<Class<? extends Record>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
