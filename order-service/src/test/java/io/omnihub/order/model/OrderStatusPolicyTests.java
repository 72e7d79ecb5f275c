package io.omnihub.order.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.orders.FulfillmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderStatusPolicyTests {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");

    private static Fulfillment at(FulfillmentStatus status) {
        Fulfillment fulfillment = new Fulfillment("ful-" + status, "LJ001",
                List.of(new FulfillmentLine("7891000000007", "1001", "x", 1, BigDecimal.ONE)), T0);
        if (status != FulfillmentStatus.CREATED) {
            fulfillment.moveTo(status, T0, null);
        }
        return fulfillment;
    }

    private static OrderLine line(long unfulfillable) {
        OrderLine line = new OrderLine("7891000000007", "1001", "x", null, null, 2, BigDecimal.ONE, null);
        line.addUnfulfillable(unfulfillable);
        return line;
    }

    @Test
    void nothingRoutedYetIsReceived() {
        assertThat(OrderStatusPolicy.derive(List.of(line(0)), List.of(), true)).isEqualTo(OrderStatus.RECEIVED);
    }

    @Test
    void pendingRoutingOrReservationIsRouting() {
        assertThat(OrderStatusPolicy.derive(List.of(line(0)), List.of(at(FulfillmentStatus.ACCEPTED)), true))
                .isEqualTo(OrderStatus.ROUTING);
        assertThat(OrderStatusPolicy.derive(List.of(line(0)), List.of(at(FulfillmentStatus.CREATED),
                at(FulfillmentStatus.ACCEPTED)), false)).isEqualTo(OrderStatus.ROUTING);
    }

    @Test
    void theLeastAdvancedLiveFulfillmentGivesTheStatus() {
        assertThat(OrderStatusPolicy.derive(List.of(line(0)), List.of(at(FulfillmentStatus.DELIVERED),
                at(FulfillmentStatus.IN_TRANSIT)), false)).isEqualTo(OrderStatus.IN_TRANSIT);
        assertThat(OrderStatusPolicy.derive(List.of(line(0)), List.of(at(FulfillmentStatus.DELIVERED),
                at(FulfillmentStatus.CANCELLED)), false)).isEqualTo(OrderStatus.DELIVERED);
        assertThat(OrderStatusPolicy.derive(List.of(line(0)), List.of(at(FulfillmentStatus.ASSIGNED),
                at(FulfillmentStatus.RETURNED)), false)).isEqualTo(OrderStatus.ASSIGNED);
    }

    @Test
    void onlyCancelledFulfillmentsMakeACancelledOrder() {
        assertThat(OrderStatusPolicy.derive(List.of(line(0)), List.of(at(FulfillmentStatus.CANCELLED)), false))
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void reroutedFulfillmentsDoNotCount() {
        Fulfillment rejected = at(FulfillmentStatus.REJECTED);
        rejected.handBack();

        assertThat(OrderStatusPolicy.derive(List.of(line(2)), List.of(rejected), false))
                .isEqualTo(OrderStatus.UNFULFILLABLE);
        assertThat(OrderStatusPolicy.derive(List.of(line(1)), List.of(rejected, at(FulfillmentStatus.ACCEPTED)),
                false)).isEqualTo(OrderStatus.ACCEPTED);
    }
}
