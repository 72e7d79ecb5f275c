package io.omnihub.coupon.coupons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A coupon and its outbox in one document: every change is one conditional single-document write that moves the
 * state and appends to {@code history}, which the relay publishes in order. Money in minor units of the
 * currency (cents for BRL), so the balance is exact and {@code $inc} can move it atomically.
 *
 * @param code               the typed code, also the {@code _id}: unique by construction
 * @param status             ACTIVE, CANCELLED or EXPIRED as stored (see {@link CouponStatus})
 * @param returnId           the in-store return it credits; unique, so one return never yields two coupons
 * @param idempotencyKey     {@code client:Idempotency-Key} of the request that issued it; unique
 * @param requestFingerprint what that request asked for, to tell a retry from a different request
 * @param changes            the number of entries in {@code history}
 * @param published          how many of them are on {@code coupons.lifecycle}
 * @param unpublished        {@code changes > published}, a field so the relay finds its work by index
 */
@Document("coupons")
record Coupon(@Id String code, @Indexed String customerDocument, String currency, long amount, long balance,
        @Indexed String issuingStoreId, String orderId, String fulfillmentId,
        @Indexed(unique = true, sparse = true) String returnId,
        @Indexed(unique = true, sparse = true) String idempotencyKey, String requestFingerprint, String reason,
        CouponStatus status, Instant issuedAt, Instant expiresAt, List<CouponChange> history, long changes,
        long published, @Indexed boolean unpublished, Instant updatedAt) {

    static final String CODE = "_id";
    static final String CUSTOMER = "customerDocument";
    static final String BALANCE = "balance";
    static final String ISSUING_STORE = "issuingStoreId";
    static final String RETURN_ID = "returnId";
    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String STATUS = "status";
    static final String ISSUED_AT = "issuedAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String HISTORY = "history";
    static final String REDEMPTION_IDS = "history.redemptionId";
    static final String CHANGES = "changes";
    static final String PUBLISHED = "published";
    static final String UNPUBLISHED = "unpublished";
    static final String UPDATED_AT = "updatedAt";

    Coupon {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A new coupon: its first history entry, unpublished. */
    static Coupon issued(String code, IssueTerms terms, String idempotencyKey, String requestFingerprint, String by,
            Instant now) {
        CouponChange issued = CouponChange.issued(now, by, terms.amount(), terms.issuingStoreId(), terms.reason(),
                terms.expiresAt());
        return new Coupon(code, terms.customerDocument(), terms.currency(), terms.amount(), terms.amount(),
                terms.issuingStoreId(), terms.orderId(), terms.fulfillmentId(), terms.returnId(), idempotencyKey,
                requestFingerprint, terms.reason(), CouponStatus.ACTIVE, now, terms.expiresAt(), List.of(issued), 1,
                0, true, now);
    }

    /** The same coupon under another code, for when the drawn code was taken. */
    Coupon withCode(String otherCode) {
        return new Coupon(otherCode, customerDocument, currency, amount, balance, issuingStoreId, orderId,
                fulfillmentId, returnId, idempotencyKey, requestFingerprint, reason, status, issuedAt, expiresAt,
                history, changes, published, unpublished, updatedAt);
    }

    Optional<CouponChange> redemption(String redemptionId) {
        return history.stream().filter(change -> change.type() == ChangeType.REDEEMED)
                .filter(change -> redemptionId.equals(change.redemptionId())).findFirst();
    }

    /** The balance after each entry of the history, in minor units. */
    List<Long> balances() {
        List<Long> balances = new ArrayList<>(history.size());
        long running = 0;
        for (CouponChange change : history) {
            if (change.type() == ChangeType.ISSUED) {
                running = change.amount();
            } else if (change.type() == ChangeType.REDEEMED) {
                running -= change.amount();
            }
            balances.add(running);
        }
        return balances;
    }
}
