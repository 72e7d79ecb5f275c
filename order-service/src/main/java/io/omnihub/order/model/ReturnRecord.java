package io.omnihub.order.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Units of a delivered fulfilment given back in store, with the store credit asked for, if any. */
public record ReturnRecord(String returnId, List<StoreQuantity> lines, BigDecimal couponAmount,
        String couponCurrency, Instant at) {

    public ReturnRecord {
        lines = List.copyOf(lines);
    }

    /** True when {@code other} asks for the same thing (the id aside). */
    public boolean sameRequestAs(List<StoreQuantity> otherLines, BigDecimal amount, String currency) {
        return lines.stream().sorted(java.util.Comparator.comparing(StoreQuantity::ean)).toList()
                .equals(otherLines.stream().sorted(java.util.Comparator.comparing(StoreQuantity::ean)).toList())
                && (couponAmount == null ? amount == null : amount != null && couponAmount.compareTo(amount) == 0)
                && java.util.Objects.equals(couponCurrency, currency);
    }
}
