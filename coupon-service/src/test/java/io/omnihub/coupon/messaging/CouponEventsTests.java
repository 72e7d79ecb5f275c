package io.omnihub.coupon.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.orders.CouponRequest;
import io.omnihub.contracts.orders.ReturnRecorded;
import io.omnihub.coupon.coupons.ChangeType;
import io.omnihub.coupon.coupons.IssueCoupon;
import io.omnihub.coupon.coupons.PendingChange;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CouponEventsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CODE = "K7QM-4XPD-92HT";
    private static final Instant AT = Instant.parse("2026-11-29T14:05:00Z");
    private static final Instant EXPIRY = Instant.parse("2027-02-27T14:05:00Z");

    @Test
    void theProducersGoldenReturnAsksForACouponFromItsStoreToItsCustomer() {
        ReturnRecorded event = JSON.readValue(Golden.bytes("orders.lifecycle/return-recorded.json"),
                ReturnRecorded.class);

        assertThat(CouponEvents.toIssue(event)).isEqualTo(new IssueCoupon("52998224725", new BigDecimal("333.14"),
                "BRL", "LJ001", "ord-01JE0A", "ful-01JE0A-1", "ret-01JE0B", "RETURN_IN_STORE", null));
    }

    @Test
    void aReturnCouponWithoutReasonIsAReturnInStore() {
        ReturnRecorded golden = JSON.readValue(Golden.bytes("orders.lifecycle/return-recorded.json"),
                ReturnRecorded.class);
        ReturnRecorded noReason = new ReturnRecorded(golden.returnId(), golden.orderId(), golden.siteId(),
                golden.fulfillmentId(), golden.storeId(), golden.customerDocument(), golden.lines(),
                new CouponRequest(new BigDecimal("10"), null, null), golden.at());

        IssueCoupon issue = CouponEvents.toIssue(noReason);

        assertThat(issue.reason()).isEqualTo(CouponEvents.RETURN_REASON);
        assertThat(issue.currency()).isNull();
    }

    @Test
    void anIssuedCouponGoesOutAsTheGoldenEventSaysIt() {
        var issued = change(1, ChangeType.ISSUED, "333.14", "333.14", null, null, "RETURN_IN_STORE", null, EXPIRY);

        assertGolden(issued, "coupons.lifecycle/coupon-issued.json");
    }

    @Test
    void aRedemptionGoesOutWithTheBalanceLeftAfterIt() {
        var redeemed = change(2, ChangeType.REDEEMED, "100.00", "233.14", "LJ002", "red-01JE0C", null, null, null);

        assertGolden(redeemed, "coupons.lifecycle/coupon-redeemed.json");
    }

    @Test
    void aCancellationGoesOutWithTheBalanceItForfeits() {
        var cancelled = change(3, ChangeType.CANCELLED, null, "233.14", null, null, "CUSTOMER_REQUEST", null, null);

        assertGolden(cancelled, "coupons.lifecycle/coupon-cancelled.json");
    }

    @Test
    void anExtensionGoesOutWithBothExpiries() {
        var extended = change(3, ChangeType.EXTENDED, null, "233.14", null, null, null, EXPIRY,
                Instant.parse("2027-05-28T14:05:00Z"));

        assertGolden(extended, "coupons.lifecycle/coupon-extended.json");
    }

    @Test
    void anExpiryGoesOutWithTheExpiryReachedAndTheBalanceLost() {
        var expired = change(3, ChangeType.EXPIRED, null, "233.14", null, null, null, null, AT);

        assertGolden(expired, "coupons.lifecycle/coupon-expired.json");
    }

    @Test
    void eachChangeOfACouponHasItsOwnEventId() {
        var first = change(1, ChangeType.ISSUED, "333.14", "333.14", null, null, "R", null, EXPIRY);
        var second = change(2, ChangeType.REDEEMED, "1.00", "332.14", "LJ002", "red-1", null, null, null);

        assertThat(CouponEvents.eventId(first)).isEqualTo(CODE + ":1");
        assertThat(CouponEvents.eventId(second)).isEqualTo(CODE + ":2");
    }

    private static PendingChange change(long sequence, ChangeType type, String amount, String balance,
            String storeId, String redemptionId, String reason, Instant previousExpiry, Instant expiresAt) {
        return new PendingChange(CODE, sequence, type, AT, amount == null ? null : new BigDecimal(amount),
                new BigDecimal(balance), "BRL", "52998224725", "LJ001", "ord-01JE0A", "ful-01JE0A-1", "ret-01JE0B",
                storeId, redemptionId, reason, previousExpiry, expiresAt, null);
    }

    private static void assertGolden(PendingChange change, String golden) {
        assertThat(JSON.readTree(JSON.writeValueAsBytes(CouponEvents.toEvent(change))))
                .isEqualTo(JSON.readTree(Golden.bytes(golden)));
    }
}
