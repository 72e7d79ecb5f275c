package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * Lines of a fulfilment were returned in a store. Keyed by order id on {@code orders.lifecycle}; when
 * {@code coupon} is present, coupon-service issues exactly one coupon for {@code returnId}.
 */
@EventType("io.omnihub.orders.return-recorded")
public record ReturnRecorded(String returnId, String orderId, String siteId, String fulfillmentId, String storeId,
        String customerDocument, List<StockLine> lines, CouponRequest coupon, Instant at) {

    public ReturnRecorded {
        lines = List.copyOf(lines);
    }
}
