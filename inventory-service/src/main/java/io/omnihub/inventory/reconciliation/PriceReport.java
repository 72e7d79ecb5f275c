package io.omnihub.inventory.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;

/** The selling (discounted) price of an EAN as one product row of one import gave it. */
public record PriceReport(String ean, String reference, BigDecimal discountedPrice, Instant receivedAt, long row) {

    public PriceReport {
        if (ean == null || ean.isBlank() || discountedPrice == null || receivedAt == null) {
            throw new IllegalArgumentException("a price needs its ean, discounted price and receivedAt");
        }
    }

    /** Sorts as the rows do: by receipt, then row; fixed width, with the nanoseconds a BSON date would drop. */
    String sequence() {
        long seconds = receivedAt.getEpochSecond() - Instant.MIN.getEpochSecond();
        return String.format("%019d.%09d|%019d", seconds, receivedAt.getNano(), row);
    }
}
