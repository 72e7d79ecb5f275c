package io.omnihub.order.model;

import static io.omnihub.contracts.orders.FulfillmentStatus.ACCEPTED;
import static io.omnihub.contracts.orders.FulfillmentStatus.ASSIGNED;
import static io.omnihub.contracts.orders.FulfillmentStatus.CANCELLED;
import static io.omnihub.contracts.orders.FulfillmentStatus.CREATED;
import static io.omnihub.contracts.orders.FulfillmentStatus.DELIVERED;
import static io.omnihub.contracts.orders.FulfillmentStatus.IN_TRANSIT;
import static io.omnihub.contracts.orders.FulfillmentStatus.READY_FOR_PICKUP;
import static io.omnihub.contracts.orders.FulfillmentStatus.REJECTED;
import static io.omnihub.contracts.orders.FulfillmentStatus.RETURNED;

import io.omnihub.contracts.orders.FulfillmentStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a fulfilment as a table: which status may follow which, and what each move does to the stock.
 * ASSIGNED comes only from a confirmed reservation, ACCEPTED and REJECTED only from the store's acceptance;
 * the rest may be asked for through the status endpoint.
 */
public final class FulfillmentTransitions {

    private static final Map<FulfillmentStatus, Set<FulfillmentStatus>> NEXT = new EnumMap<>(FulfillmentStatus.class);
    private static final Set<FulfillmentStatus> NOT_BY_STATUS_REQUEST = EnumSet.of(CREATED, ASSIGNED, ACCEPTED,
            REJECTED);

    static {
        NEXT.put(CREATED, EnumSet.of(ASSIGNED, CANCELLED));
        NEXT.put(ASSIGNED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED));
        NEXT.put(ACCEPTED, EnumSet.of(IN_TRANSIT, READY_FOR_PICKUP, DELIVERED, CANCELLED));
        NEXT.put(READY_FOR_PICKUP, EnumSet.of(DELIVERED, CANCELLED));
        NEXT.put(IN_TRANSIT, EnumSet.of(DELIVERED, RETURNED));
        NEXT.put(DELIVERED, EnumSet.of(RETURNED));
        NEXT.put(RETURNED, EnumSet.noneOf(FulfillmentStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(FulfillmentStatus.class));
        NEXT.put(REJECTED, EnumSet.noneOf(FulfillmentStatus.class));
    }

    private FulfillmentTransitions() {
    }

    /** What a move does to the units the fulfilment holds at inventory. */
    public enum StockEffect {
        /** Nothing: the units stay reserved, or were already consumed. */
        NONE,
        /** The reservation becomes a consumption (ConsumeStock). */
        CONSUME,
        /** The reservation is given back (ReleaseStock). */
        RELEASE,
        /** Units that left the shelf come back on hand (RestockReturn). */
        RESTOCK
    }

    public static boolean allowed(FulfillmentStatus from, FulfillmentStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The statuses that may follow {@code from}, whoever sets them. */
    public static Set<FulfillmentStatus> next(FulfillmentStatus from) {
        return Set.copyOf(NEXT.get(from));
    }

    /** The statuses a store may ask for from {@code from} through {@code POST /fulfillments/{id}/status}. */
    public static Set<FulfillmentStatus> requestable(FulfillmentStatus from) {
        Set<FulfillmentStatus> next = EnumSet.noneOf(FulfillmentStatus.class);
        next.addAll(NEXT.get(from));
        next.removeAll(NOT_BY_STATUS_REQUEST);
        return next;
    }

    public static StockEffect effect(FulfillmentStatus from, FulfillmentStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalArgumentException(from + " cannot move to " + to);
        }
        return switch (to) {
            case IN_TRANSIT -> StockEffect.CONSUME;
            case DELIVERED -> from == IN_TRANSIT ? StockEffect.NONE : StockEffect.CONSUME;
            case CANCELLED, REJECTED -> StockEffect.RELEASE;
            case RETURNED -> StockEffect.RESTOCK;
            default -> StockEffect.NONE;
        };
    }
}
