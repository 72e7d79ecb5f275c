package io.omnihub.inventory.availability;

import java.util.Map;
import java.util.Objects;

/**
 * Available-to-promise of one EAN at one store: on hand − units consumed by omni orders after the ERP's
 * as-of + units returned in store after it − active reservations − safety stock, never below zero. The safety stock is the most specific one
 * configured: for the EAN (at every store), else for the store, else the global one.
 */
public final class AvailabilityPolicy {

    private final long global;
    private final Map<String, Long> byStore;
    private final Map<String, Long> byEan;

    public AvailabilityPolicy(long global, Map<String, Long> byStore, Map<String, Long> byEan) {
        this.global = requireNotNegative(global, "the global safety stock");
        this.byStore = copyOf(byStore, "the safety stock of store");
        this.byEan = copyOf(byEan, "the safety stock of EAN");
    }

    /** No safety stock anywhere. */
    public static AvailabilityPolicy withoutSafetyStock() {
        return new AvailabilityPolicy(0, Map.of(), Map.of());
    }

    public long safetyStock(String storeId, String ean) {
        Long forEan = byEan.get(ean);
        if (forEan != null) {
            return forEan;
        }
        return byStore.getOrDefault(storeId, global);
    }

    public long available(String storeId, String ean, long onHand, long consumedAfterAsOf, long reserved) {
        return available(storeId, ean, onHand, consumedAfterAsOf, 0, reserved);
    }

    /**
     * The units that may still be promised. Returned units are back on the shelf until the ERP's next figure
     * counts them; consumed ones have left it until then.
     */
    public long available(String storeId, String ean, long onHand, long consumedAfterAsOf, long returnedAfterAsOf,
            long reserved) {
        requireNotNegative(onHand, "on hand");
        requireNotNegative(consumedAfterAsOf, "consumed after the as-of");
        requireNotNegative(returnedAfterAsOf, "returned after the as-of");
        requireNotNegative(reserved, "reserved");
        long available = onHand - consumedAfterAsOf + returnedAfterAsOf - reserved - safetyStock(storeId, ean);
        return Math.max(0, available);
    }

    /** Whether {@code quantity} more units may be held: a reservation never takes what is not available. */
    public boolean canHold(long available, long quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("a reservation holds at least one unit: " + quantity);
        }
        requireNotNegative(available, "available");
        return quantity <= available;
    }

    private static Map<String, Long> copyOf(Map<String, Long> figures, String what) {
        if (figures == null) {
            return Map.of();
        }
        figures.forEach((key, value) -> requireNotNegative(Objects.requireNonNull(value, what + " " + key),
                what + " " + key));
        return Map.copyOf(figures);
    }

    private static long requireNotNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
        return value;
    }
}
