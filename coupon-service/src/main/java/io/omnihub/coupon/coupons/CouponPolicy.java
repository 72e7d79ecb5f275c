package io.omnihub.coupon.coupons;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The coupon rules in plain Java: what may be issued, spent, cancelled, extended, expired, and which store a
 * caller must hold to see or act on a coupon. The store writes enforce the same conditions atomically; this class
 * decides first and explains refusals.
 */
final class CouponPolicy {

    static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    static final int MAX_TEXT = 200;
    /** Larger amounts are typing mistakes, and their minor units must fit a long with room to spare. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private final String defaultCurrency;
    private final Duration defaultValidity;
    private final RedeemScope redeemScope;

    CouponPolicy(String defaultCurrency, Duration defaultValidity, RedeemScope redeemScope) {
        if (currencyError(defaultCurrency).isPresent()) {
            throw new IllegalArgumentException("the default coupon currency must be an ISO 4217 code with a minor "
                    + "unit, not " + defaultCurrency);
        }
        if (defaultValidity.isNegative() || defaultValidity.isZero()) {
            throw new IllegalArgumentException("the default coupon validity must be positive");
        }
        this.defaultCurrency = defaultCurrency;
        this.defaultValidity = defaultValidity;
        this.redeemScope = redeemScope;
    }

    RedeemScope redeemScope() {
        return redeemScope;
    }

    // ---- issuing

    /** The request checked field by field and completed with the defaults; every invalid field at once. */
    IssueTerms issueTerms(IssueCoupon request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> customer = Cpf.normalize(request.customerDocument());
        if (customer.isEmpty()) {
            errors.add(new FieldError("customerDocument", "must be a valid CPF: 11 digits with their check digits, "
                    + "e.g. 52998224725 or 529.982.247-25"));
        }
        String currency = request.currency() == null ? defaultCurrency : request.currency();
        currencyError(currency).ifPresent(reason -> errors.add(new FieldError("currency", reason)));
        long amount = 0;
        if (errors.stream().noneMatch(error -> error.field().equals("currency"))) {
            try {
                amount = minorUnits(request.amount(), currency);
            } catch (InvalidCouponRequest e) {
                errors.addAll(e.errors());
            }
        }
        if (request.issuingStoreId() == null || !STORE_ID.matcher(request.issuingStoreId()).matches()) {
            errors.add(new FieldError("issuingStoreId", "must be 1-32 letters, digits, . _ -"));
        }
        textError(request.reason(), true).ifPresent(reason -> errors.add(new FieldError("reason", reason)));
        textError(request.orderId(), false).ifPresent(reason -> errors.add(new FieldError("orderId", reason)));
        textError(request.fulfillmentId(), false)
                .ifPresent(reason -> errors.add(new FieldError("fulfillmentId", reason)));
        textError(request.returnId(), false).ifPresent(reason -> errors.add(new FieldError("returnId", reason)));
        // kept to the millisecond, as stored: the answer shows what a later read shows
        Instant expiresAt = (request.expiresAt() == null ? now.plus(defaultValidity) : request.expiresAt())
                .truncatedTo(ChronoUnit.MILLIS);
        if (!expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCouponRequest(errors);
        }
        return new IssueTerms(customer.orElseThrow(), currency, amount, request.issuingStoreId(),
                blankToNull(request.orderId()), blankToNull(request.fulfillmentId()), blankToNull(request.returnId()),
                request.reason().strip(), expiresAt);
    }

    /**
     * What identifies a request for its Idempotency-Key: the fields as sent (the defaults are not applied, so
     * the same request sent later is still the same request).
     */
    static String fingerprint(IssueCoupon request) {
        String amount = request.amount() == null ? "" : request.amount().stripTrailingZeros().toPlainString();
        return String.join("|", Cpf.normalize(request.customerDocument()).orElse(request.customerDocument()),
                amount, String.valueOf(request.currency()), request.issuingStoreId(), String.valueOf(request.orderId()),
                String.valueOf(request.fulfillmentId()), String.valueOf(request.reason()),
                String.valueOf(request.expiresAt()));
    }

    // ---- reading

    CouponStatus statusOf(Coupon coupon, Instant now) {
        if (coupon.status() != CouponStatus.ACTIVE) {
            return coupon.status();
        }
        if (coupon.balance() == 0) {
            return CouponStatus.REDEEMED;
        }
        return now.isBefore(coupon.expiresAt()) ? CouponStatus.ACTIVE : CouponStatus.EXPIRED;
    }

    // ---- redeeming

    /** Whether this redemption is to be written (true) or was already written under its id (false). */
    boolean redeem(Coupon coupon, long amount, String storeId, String redemptionId, Instant now) {
        Optional<CouponChange> earlier = coupon.redemption(redemptionId);
        if (earlier.isPresent()) {
            if (earlier.get().amount() == amount && earlier.get().storeId().equals(storeId)) {
                return false;
            }
            throw conflict(coupon, now, "Redemption " + redemptionId + " of coupon " + coupon.code()
                    + " was already made for " + decimal(earlier.get().amount(), coupon.currency()) + " at store "
                    + earlier.get().storeId());
        }
        CouponStatus status = statusOf(coupon, now);
        if (status == CouponStatus.CANCELLED) {
            throw conflict(coupon, now, "Coupon " + coupon.code() + " is cancelled");
        }
        if (status == CouponStatus.EXPIRED) {
            throw conflict(coupon, now, "Coupon " + coupon.code() + " expired at " + coupon.expiresAt());
        }
        if (amount > coupon.balance()) {
            throw conflict(coupon, now, "Coupon " + coupon.code() + " has a balance of "
                    + decimal(coupon.balance(), coupon.currency()) + " " + coupon.currency() + ", less than "
                    + decimal(amount, coupon.currency()));
        }
        return true;
    }

    /** The amount of a redemption in minor units, checked against the coupon's currency. */
    long redemptionAmount(BigDecimal amount, String currency) {
        return minorUnits(amount, currency);
    }

    static void requireRedeemingStore(String storeId) {
        if (storeId == null || !STORE_ID.matcher(storeId).matches()) {
            throw new InvalidCouponRequest("storeId", "must be the redeeming store: 1-32 letters, digits, . _ -");
        }
    }

    // ---- cancelling, extending, expiring

    /** Whether to write the cancellation (true) or the coupon is cancelled already (false: nothing to do). */
    boolean cancel(Coupon coupon, String reason, Instant now) {
        textError(reason, true).ifPresent(error -> {
            throw new InvalidCouponRequest("reason", error);
        });
        CouponStatus status = statusOf(coupon, now);
        if (status == CouponStatus.CANCELLED) {
            return false;
        }
        if (status != CouponStatus.ACTIVE) {
            throw conflict(coupon, now, "Coupon " + coupon.code() + " is " + status + ": there is nothing to cancel");
        }
        return true;
    }

    /** Whether to write the new expiry (true) or the coupon already expires then (false: nothing to do). */
    boolean extend(Coupon coupon, Instant expiresAt, Instant now) {
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw new InvalidCouponRequest("expiresAt", "must be in the future");
        }
        if (expiresAt.equals(coupon.expiresAt()) && coupon.status() == CouponStatus.ACTIVE) {
            return false;
        }
        CouponStatus status = statusOf(coupon, now);
        if (status != CouponStatus.ACTIVE) {
            throw conflict(coupon, now, "Coupon " + coupon.code() + " is " + status + " and cannot be extended");
        }
        if (!expiresAt.isAfter(coupon.expiresAt())) {
            throw conflict(coupon, now, "Coupon " + coupon.code() + " expires at " + coupon.expiresAt()
                    + ": an extension must be later");
        }
        return true;
    }

    /** A coupon with something left whose expiry has come: the sweep marks it EXPIRED (once). */
    boolean dueToExpire(Coupon coupon, Instant now) {
        return coupon.status() == CouponStatus.ACTIVE && coupon.balance() > 0 && !now.isBefore(coupon.expiresAt());
    }

    // ---- store scope

    /** The store a caller must hold to see (and so redeem) the coupon; empty when any store may. */
    Optional<String> storeToSee(Coupon coupon) {
        return redeemScope == RedeemScope.ISSUING_STORE ? Optional.of(coupon.issuingStoreId()) : Optional.empty();
    }

    /** Cancelling and extending are the issuing store's decisions, whatever the redeem scope. */
    String storeToManage(Coupon coupon) {
        return coupon.issuingStoreId();
    }

    /**
     * The issuing stores whose coupons a caller may list; empty when all. A key of every store lists all; with
     * ANY_STORE a store key finds any customer's coupons by the customer's document, but browsing without one
     * shows its own stores' coupons only (a till has no business paging through the chain's customers).
     */
    Optional<Set<String>> visibleIssuingStores(boolean allStores, Set<String> stores, boolean byCustomer) {
        if (allStores || (redeemScope == RedeemScope.ANY_STORE && byCustomer)) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(stores));
    }

    // ---- money

    /** {@code amount} in minor units of {@code currency}: positive, with no more decimals than it has. */
    static long minorUnits(BigDecimal amount, String currency) {
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidCouponRequest("amount", "must be greater than 0");
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0) {
            throw new InvalidCouponRequest("amount", "must be less than " + MAX_AMOUNT.toPlainString());
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal exact = amount.stripTrailingZeros();
        if (exact.scale() > digits) {
            throw new InvalidCouponRequest("amount", "must have at most " + digits + " decimals in " + currency);
        }
        return exact.movePointRight(digits).longValueExact();
    }

    static BigDecimal decimal(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private static Optional<String> currencyError(String currency) {
        if (currency == null || !currency.equals(currency.toUpperCase(Locale.ROOT))) {
            return Optional.of("must be an ISO 4217 code in capitals, e.g. BRL");
        }
        try {
            if (Currency.getInstance(currency).getDefaultFractionDigits() < 0) {
                return Optional.of(currency + " is not money (it has no minor unit)");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be an ISO 4217 code in capitals, e.g. BRL");
        }
    }

    private static Optional<String> textError(String text, boolean required) {
        if (text == null || text.isBlank()) {
            return required ? Optional.of("is required") : Optional.empty();
        }
        return text.length() > MAX_TEXT ? Optional.of("must have at most " + MAX_TEXT + " characters")
                : Optional.empty();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private CouponConflict conflict(Coupon coupon, Instant now, String detail) {
        return new CouponConflict(detail, coupon.code(), statusOf(coupon, now), decimal(coupon.balance(),
                coupon.currency()), coupon.currency());
    }
}
