package io.omnihub.contracts.orders;

import java.math.BigDecimal;

/** The store credit a return asks for. */
public record CouponRequest(BigDecimal amount, String currency, String reason) {
}
