package io.omnihub.coupon.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CouponPolicyTests {

    private static final Instant NOW = Instant.parse("2026-11-29T14:05:00Z");
    private static final Instant EXPIRY = Instant.parse("2027-02-27T14:05:00Z");
    private static final String CPF = "52998224725";

    private final CouponPolicy policy = new CouponPolicy("BRL", Duration.ofDays(90), RedeemScope.ANY_STORE);
    private final CouponPolicy issuingStoreOnly = new CouponPolicy("BRL", Duration.ofDays(90),
            RedeemScope.ISSUING_STORE);

    private static IssueCoupon request(String customer, String amount, String currency, String store, String reason,
            Instant expiresAt) {
        return new IssueCoupon(customer, amount == null ? null : new BigDecimal(amount), currency, store, "ord-1",
                "ful-1", null, reason, expiresAt);
    }

    /** An active coupon of 333.14 BRL issued by LJ001, after the given redemptions (in cents). */
    private static Coupon coupon(long... redemptions) {
        IssueTerms terms = new IssueTerms(CPF, "BRL", 33_314, "LJ001", "ord-1", "ful-1", null, "RETURN", EXPIRY);
        Coupon coupon = Coupon.issued("K7QM-4XPD-92HT", terms, null, null, "test", NOW.minusSeconds(60));
        List<CouponChange> history = new ArrayList<>(coupon.history());
        long balance = coupon.amount();
        for (int i = 0; i < redemptions.length; i++) {
            history.add(CouponChange.redeemed(NOW, "test", redemptions[i], "LJ002", "red-" + i));
            balance -= redemptions[i];
        }
        return with(coupon, CouponStatus.ACTIVE, balance, EXPIRY, history);
    }

    private static Coupon with(Coupon coupon, CouponStatus status, long balance, Instant expiresAt,
            List<CouponChange> history) {
        return new Coupon(coupon.code(), coupon.customerDocument(), coupon.currency(), coupon.amount(), balance,
                coupon.issuingStoreId(), coupon.orderId(), coupon.fulfillmentId(), coupon.returnId(),
                coupon.idempotencyKey(), coupon.requestFingerprint(), coupon.reason(), status, coupon.issuedAt(),
                expiresAt, history, history.size(), 0, true, NOW);
    }

    private static Coupon withStatus(Coupon coupon, CouponStatus status) {
        return with(coupon, status, coupon.balance(), coupon.expiresAt(), coupon.history());
    }

    private static Coupon expiringAt(Coupon coupon, Instant expiresAt) {
        return with(coupon, coupon.status(), coupon.balance(), expiresAt, coupon.history());
    }

    @Test
    void issuesWithTheConfiguredCurrencyAndValidityWhenNoneAreAsked() {
        IssueTerms terms = policy.issueTerms(request("529.982.247-25", "333.14", null, "LJ001", "RETURN", null),
                NOW);

        assertThat(terms).isEqualTo(new IssueTerms(CPF, "BRL", 33_314, "LJ001", "ord-1", "ful-1", null, "RETURN",
                NOW.plus(Duration.ofDays(90))));
    }

    @Test
    void keepsTheCurrencyAndExpiryAsked() {
        IssueTerms terms = policy.issueTerms(request(CPF, "10", "USD", "LJ001", "GOODWILL", EXPIRY), NOW);

        assertThat(terms.currency()).isEqualTo("USD");
        assertThat(terms.amount()).isEqualTo(1_000);
        assertThat(terms.expiresAt()).isEqualTo(EXPIRY);
    }

    @Test
    void aCurrencyWithThreeDecimalsCountsThousandths() {
        assertThat(policy.issueTerms(request(CPF, "1.005", "KWD", "LJ001", "R", null), NOW).amount())
                .isEqualTo(1_005);
    }

    @Test
    void listsEveryInvalidFieldAtOnce() {
        IssueCoupon invalid = new IssueCoupon("52998224724", BigDecimal.ZERO, "brl", "LJ 001", "o".repeat(201),
                null, null, " ", NOW);

        assertThatThrownBy(() -> policy.issueTerms(invalid, NOW)).isInstanceOfSatisfying(
                InvalidCouponRequest.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("customerDocument", "currency", "issuingStoreId", "reason", "orderId",
                                "expiresAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.00", "-0.01"})
    void refusesAnAmountThatIsNotPositive(String amount) {
        assertInvalid(request(CPF, amount, null, "LJ001", "R", null), "amount");
    }

    @Test
    void refusesAMissingAmount() {
        assertInvalid(request(CPF, null, null, "LJ001", "R", null), "amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.001", "0.009", "333.145"})
    void refusesMoreDecimalsThanReais(String amount) {
        assertInvalid(request(CPF, amount, "BRL", "LJ001", "R", null), "amount");
    }

    @Test
    void refusesDecimalsInACurrencyWithoutMinorUnits() {
        assertInvalid(request(CPF, "10.5", "JPY", "LJ001", "R", null), "amount");
        assertThat(policy.issueTerms(request(CPF, "10", "JPY", "LJ001", "R", null), NOW).amount()).isEqualTo(10);
    }

    @Test
    void trailingZerosAreNotDecimals() {
        assertThat(policy.issueTerms(request(CPF, "10.5000", "BRL", "LJ001", "R", null), NOW).amount())
                .isEqualTo(1_050);
    }

    @Test
    void refusesABillionOrMore() {
        assertInvalid(request(CPF, "1000000000", null, "LJ001", "R", null), "amount");
        assertThat(policy.issueTerms(request(CPF, "999999999.99", null, "LJ001", "R", null), NOW).amount())
                .isEqualTo(99_999_999_999L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"brl", "ABC", "XAU", "R$", ""})
    void refusesWhatIsNotAnIsoCurrencyOfMoney(String currency) {
        assertInvalid(request(CPF, "10", currency, "LJ001", "R", null), "currency");
    }

    @Test
    void refusesAnExpiryThatIsNotInTheFuture() {
        assertInvalid(request(CPF, "10", null, "LJ001", "R", NOW), "expiresAt");
        assertInvalid(request(CPF, "10", null, "LJ001", "R", NOW.minusSeconds(1)), "expiresAt");
    }

    @Test
    void refusesAMissingStoreOrReason() {
        assertInvalid(request(CPF, "10", null, null, "R", null), "issuingStoreId");
        assertInvalid(request(CPF, "10", null, "LJ001", null, null), "reason");
    }

    @Test
    void refusesAnInvalidDefaultCurrencyOrValidityAtStart() {
        assertThatThrownBy(() -> new CouponPolicy("XXX1", Duration.ofDays(1), RedeemScope.ANY_STORE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> new CouponPolicy("BRL", Duration.ZERO, RedeemScope.ANY_STORE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validity");
    }

    @Test
    void theSameRequestTypedDifferentlyHasTheSameFingerprint() {
        String bare = CouponPolicy.fingerprint(request(CPF, "10.5", null, "LJ001", "R", null));

        assertThat(CouponPolicy.fingerprint(request("529.982.247-25", "10.50", null, "LJ001", "R", null)))
                .isEqualTo(bare);
        assertThat(CouponPolicy.fingerprint(request(CPF, "10.51", null, "LJ001", "R", null))).isNotEqualTo(bare);
        assertThat(CouponPolicy.fingerprint(request(CPF, "10.5", null, "LJ002", "R", null))).isNotEqualTo(bare);
        assertThat(CouponPolicy.fingerprint(request(CPF, "10.5", null, "LJ001", "R", EXPIRY)))
                .isNotEqualTo(bare);
    }

    private void assertInvalid(IssueCoupon request, String field) {
        assertThatThrownBy(() -> policy.issueTerms(request, NOW)).isInstanceOfSatisfying(
                InvalidCouponRequest.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly(field));
    }

    @Test
    void aCouponWithBalanceBeforeItsExpiryIsActive() {
        assertThat(policy.statusOf(coupon(100), NOW)).isEqualTo(CouponStatus.ACTIVE);
    }

    @Test
    void aCouponWithNothingLeftIsRedeemedEvenAfterItsExpiry() {
        assertThat(policy.statusOf(coupon(33_314), NOW)).isEqualTo(CouponStatus.REDEEMED);
        assertThat(policy.statusOf(coupon(33_314), EXPIRY.plusSeconds(1))).isEqualTo(CouponStatus.REDEEMED);
    }

    @Test
    void aCouponIsExpiredFromItsExpiryOnBeforeTheSweepMarksIt() {
        assertThat(policy.statusOf(coupon(), EXPIRY.minusMillis(1))).isEqualTo(CouponStatus.ACTIVE);
        assertThat(policy.statusOf(coupon(), EXPIRY)).isEqualTo(CouponStatus.EXPIRED);
    }

    @Test
    void storedCancellationAndExpiryAreTheStatus() {
        assertThat(policy.statusOf(withStatus(coupon(), CouponStatus.CANCELLED), NOW))
                .isEqualTo(CouponStatus.CANCELLED);
        assertThat(policy.statusOf(withStatus(coupon(), CouponStatus.EXPIRED), NOW))
                .isEqualTo(CouponStatus.EXPIRED);
    }

    @Test
    void theBalanceAfterEachChangeFollowsTheHistory() {
        Coupon coupon = coupon(10_000, 3_314, 20_000);
        List<CouponChange> history = new ArrayList<>(coupon.history());
        history.add(CouponChange.extended(NOW, "test", EXPIRY, EXPIRY.plusSeconds(60)));

        assertThat(with(coupon, CouponStatus.ACTIVE, 0, EXPIRY, history).balances())
                .containsExactly(33_314L, 23_314L, 20_000L, 0L, 0L);
    }

    @Test
    void partOfTheBalanceMayBeSpentAndTheRestRemains() {
        assertThat(policy.redeem(coupon(), 10_000, "LJ002", "red-a", NOW)).isTrue();
        assertThat(policy.redeem(coupon(10_000), 23_314, "LJ002", "red-b", NOW)).isTrue();
    }

    @Test
    void rejectsRedemptionBeyondBalanceSayingTheBalance() {
        assertThatThrownBy(() -> policy.redeem(coupon(30_000), 3_315, "LJ002", "red-x", NOW))
                .isInstanceOfSatisfying(CouponConflict.class, conflict -> {
                    assertThat(conflict.balance()).isEqualByComparingTo("33.14");
                    assertThat(conflict.currency()).isEqualTo("BRL");
                    assertThat(conflict.status()).isEqualTo(CouponStatus.ACTIVE);
                    assertThat(conflict.getMessage()).contains("33.14").contains("33.15");
                });
    }

    @Test
    void rejectsRedemptionOfACouponWithNothingLeft() {
        assertThatThrownBy(() -> policy.redeem(coupon(33_314), 1, "LJ002", "red-x", NOW))
                .isInstanceOfSatisfying(CouponConflict.class, conflict -> {
                    assertThat(conflict.balance()).isEqualByComparingTo("0");
                    assertThat(conflict.status()).isEqualTo(CouponStatus.REDEEMED);
                });
    }

    @Test
    void rejectsRedemptionFromTheExpiryOn() {
        assertThat(policy.redeem(coupon(), 100, "LJ002", "red-x", EXPIRY.minusMillis(1))).isTrue();
        assertThatThrownBy(() -> policy.redeem(coupon(), 100, "LJ002", "red-x", EXPIRY))
                .isInstanceOf(CouponConflict.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> policy.redeem(withStatus(coupon(), CouponStatus.EXPIRED), 100, "LJ002", "red-x",
                NOW)).isInstanceOf(CouponConflict.class).hasMessageContaining("expired");
    }

    @Test
    void rejectsRedemptionOfACancelledCoupon() {
        assertThatThrownBy(() -> policy.redeem(withStatus(coupon(), CouponStatus.CANCELLED), 100, "LJ002",
                "red-x", NOW)).isInstanceOfSatisfying(CouponConflict.class,
                        conflict -> assertThat(conflict.status()).isEqualTo(CouponStatus.CANCELLED));
    }

    @Test
    void theSameRedemptionAgainIsNotWrittenAgainWhateverHappenedSince() {
        Coupon redeemed = coupon(10_000);

        assertThat(policy.redeem(redeemed, 10_000, "LJ002", "red-0", NOW)).isFalse();
        assertThat(policy.redeem(withStatus(redeemed, CouponStatus.CANCELLED), 10_000, "LJ002", "red-0", NOW))
                .isFalse();
    }

    @Test
    void aRedemptionIdUsedForAnotherAmountOrStoreIsAConflict() {
        Coupon redeemed = coupon(10_000);

        assertThatThrownBy(() -> policy.redeem(redeemed, 5_000, "LJ002", "red-0", NOW))
                .isInstanceOf(CouponConflict.class).hasMessageContaining("red-0").hasMessageContaining("100.00");
        assertThatThrownBy(() -> policy.redeem(redeemed, 10_000, "LJ003", "red-0", NOW))
                .isInstanceOf(CouponConflict.class).hasMessageContaining("LJ002");
    }

    @Test
    void aRedemptionAmountIsPositiveInTheCouponsDecimals() {
        assertThat(policy.redemptionAmount(new BigDecimal("0.30"), "BRL")).isEqualTo(30);
        assertThatThrownBy(() -> policy.redemptionAmount(BigDecimal.ZERO, "BRL"))
                .isInstanceOf(InvalidCouponRequest.class);
        assertThatThrownBy(() -> policy.redemptionAmount(new BigDecimal("0.001"), "BRL"))
                .isInstanceOf(InvalidCouponRequest.class);
        assertThatThrownBy(() -> policy.redemptionAmount(null, "BRL")).isInstanceOf(InvalidCouponRequest.class);
    }

    @Test
    void aRedemptionNamesItsStore() {
        CouponPolicy.requireRedeemingStore("LJ002");
        assertThatThrownBy(() -> CouponPolicy.requireRedeemingStore(null))
                .isInstanceOf(InvalidCouponRequest.class);
        assertThatThrownBy(() -> CouponPolicy.requireRedeemingStore("LJ 002"))
                .isInstanceOf(InvalidCouponRequest.class);
    }

    @Test
    void anActiveCouponMayBeCancelledOnce() {
        assertThat(policy.cancel(coupon(100), "CUSTOMER_REQUEST", NOW)).isTrue();
        assertThat(policy.cancel(withStatus(coupon(100), CouponStatus.CANCELLED), "CUSTOMER_REQUEST", NOW))
                .isFalse();
    }

    @Test
    void anExpiredOrSpentCouponCannotBeCancelled() {
        assertThatThrownBy(() -> policy.cancel(coupon(), "R", EXPIRY)).isInstanceOf(CouponConflict.class);
        assertThatThrownBy(() -> policy.cancel(coupon(33_314), "R", NOW)).isInstanceOf(CouponConflict.class);
    }

    @Test
    void aCancellationGivesItsReason() {
        assertThatThrownBy(() -> policy.cancel(coupon(), " ", NOW)).isInstanceOf(InvalidCouponRequest.class);
        assertThatThrownBy(() -> policy.cancel(coupon(), null, NOW)).isInstanceOf(InvalidCouponRequest.class);
    }

    @Test
    void anActiveCouponMayBeGivenALaterExpiry() {
        assertThat(policy.extend(coupon(), EXPIRY.plusSeconds(1), NOW)).isTrue();
    }

    @Test
    void extendingToTheSameExpiryChangesNothing() {
        assertThat(policy.extend(coupon(), EXPIRY, NOW)).isFalse();
    }

    @Test
    void anExtensionIsNeverEarlier() {
        assertThatThrownBy(() -> policy.extend(coupon(), EXPIRY.minusSeconds(1), NOW))
                .isInstanceOf(CouponConflict.class).hasMessageContaining(EXPIRY.toString());
    }

    @Test
    void anExtensionIsInTheFuture() {
        assertThatThrownBy(() -> policy.extend(expiringAt(coupon(), NOW.plusSeconds(5)), NOW, NOW))
                .isInstanceOf(InvalidCouponRequest.class);
        assertThatThrownBy(() -> policy.extend(coupon(), null, NOW)).isInstanceOf(InvalidCouponRequest.class);
    }

    @Test
    void aCancelledExpiredOrSpentCouponCannotBeExtended() {
        Instant later = EXPIRY.plus(Duration.ofDays(30));
        assertThatThrownBy(() -> policy.extend(withStatus(coupon(), CouponStatus.CANCELLED), later, NOW))
                .isInstanceOf(CouponConflict.class);
        assertThatThrownBy(() -> policy.extend(coupon(), later, EXPIRY)).isInstanceOf(CouponConflict.class);
        assertThatThrownBy(() -> policy.extend(coupon(33_314), later, NOW)).isInstanceOf(CouponConflict.class);
    }

    @Test
    void anActiveCouponWithBalanceIsDueToExpireFromItsExpiryOn() {
        assertThat(policy.dueToExpire(coupon(100), EXPIRY.minusMillis(1))).isFalse();
        assertThat(policy.dueToExpire(coupon(100), EXPIRY)).isTrue();
    }

    @Test
    void aSpentCancelledOrExpiredCouponIsNotExpiredAgain() {
        assertThat(policy.dueToExpire(coupon(33_314), EXPIRY)).isFalse();
        assertThat(policy.dueToExpire(withStatus(coupon(), CouponStatus.CANCELLED), EXPIRY)).isFalse();
        assertThat(policy.dueToExpire(withStatus(coupon(), CouponStatus.EXPIRED), EXPIRY)).isFalse();
    }

    @Test
    void anyStoreSeesAnyCouponWhenTheRetailerSaysSo() {
        assertThat(policy.storeToSee(coupon())).isEmpty();
        assertThat(policy.visibleIssuingStores(false, Set.of("LJ002"), true)).isEmpty();
    }

    @Test
    void aStoreBrowsingWithoutACustomerSeesItsOwnStoresCouponsWhateverTheScope() {
        assertThat(policy.visibleIssuingStores(false, Set.of("LJ002"), false)).contains(Set.of("LJ002"));
        assertThat(issuingStoreOnly.visibleIssuingStores(false, Set.of("LJ002"), false)).contains(Set.of("LJ002"));
    }

    @Test
    void onlyTheIssuingStoreSeesItsCouponsWhenTheRetailerSaysSo() {
        assertThat(issuingStoreOnly.storeToSee(coupon())).contains("LJ001");
        assertThat(issuingStoreOnly.visibleIssuingStores(false, Set.of("LJ002", "LJ003"), true))
                .contains(Set.of("LJ002", "LJ003"));
    }

    @Test
    void aKeyOfEveryStoreSeesEveryCoupon() {
        assertThat(issuingStoreOnly.visibleIssuingStores(true, Set.of("*"), false)).isEmpty();
        assertThat(policy.visibleIssuingStores(true, Set.of("*"), false)).isEmpty();
    }

    @Test
    void onlyTheIssuingStoreCancelsOrExtendsWhateverTheRedeemScope() {
        assertThat(policy.storeToManage(coupon())).isEqualTo("LJ001");
        assertThat(issuingStoreOnly.storeToManage(coupon())).isEqualTo("LJ001");
    }

    @Test
    void minorUnitsAndDecimalsRoundTrip() {
        assertThat(CouponPolicy.minorUnits(new BigDecimal("333.14"), "BRL")).isEqualTo(33_314);
        assertThat(CouponPolicy.decimal(33_314, "BRL")).isEqualTo(new BigDecimal("333.14"));
        assertThat(CouponPolicy.decimal(10_000, "BRL")).isEqualTo(new BigDecimal("100.00"));
        assertThat(CouponPolicy.decimal(10, "JPY")).isEqualTo(new BigDecimal("10"));
    }
}
