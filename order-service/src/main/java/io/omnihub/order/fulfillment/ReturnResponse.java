package io.omnihub.order.fulfillment;

import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.order.model.Fulfillment;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.ReturnRecord;
import io.omnihub.order.model.StoreQuantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A recorded return; the coupon itself is issued by coupon-service from {@code ReturnRecorded}. */
record ReturnResponse(String returnId, String fulfillmentId, String orderId, String storeId, List<StoreQuantity> lines,
        Coupon coupon, Instant at, FulfillmentStatus fulfillmentStatus) {

    record Coupon(BigDecimal amount, String currency, String status) {
    }

    static ReturnResponse of(Order order, Fulfillment fulfillment, ReturnRecord record) {
        return new ReturnResponse(record.returnId(), fulfillment.id(), order.id(), fulfillment.storeId(),
                record.lines(), record.couponAmount() == null ? null
                        : new Coupon(record.couponAmount(), record.couponCurrency(), "REQUESTED"),
                record.at(), fulfillment.status());
    }
}
