package io.omnihub.contracts.orders;

import java.math.BigDecimal;

/** One line a store is asked to fulfil, with what the store's ERP needs to pick it. */
public record AssignedLine(String ean, String reference, String name, long quantity, BigDecimal unitPrice) {
}
