package io.omnihub.order.fulfillment;

import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.order.model.Acceptance;
import io.omnihub.order.model.Fulfillment;
import io.omnihub.order.model.Order;
import java.util.List;

/**
 * The answer as recorded: the same answer again gets the same body. {@code status} is what the answer made of
 * the fulfilment (ACCEPTED, or REJECTED when nothing was kept).
 */
record AcceptanceResponse(String fulfillmentId, String orderId, String storeId, Acceptance.Decision decision,
        FulfillmentStatus status, List<Line> lines) {

    record Line(String ean, long acceptedQuantity, long rejectedQuantity, String reason) {
    }

    static AcceptanceResponse of(Order order, Fulfillment fulfillment) {
        List<Line> lines = fulfillment.lines().stream().map(line -> new Line(line.ean(), line.assigned()
                - line.rejected(), line.rejected(), line.rejectReason())).toList();
        boolean nothingKept = lines.stream().allMatch(line -> line.acceptedQuantity() == 0);
        return new AcceptanceResponse(fulfillment.id(), order.id(), fulfillment.storeId(),
                fulfillment.acceptance().decision(), nothingKept ? FulfillmentStatus.REJECTED : FulfillmentStatus.ACCEPTED,
                lines);
    }
}
