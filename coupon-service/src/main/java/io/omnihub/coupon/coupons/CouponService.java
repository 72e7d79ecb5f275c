package io.omnihub.coupon.coupons;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Coupons' use cases: issue (idempotent by key and by return), redeem, cancel, extend, expire, find. Each change
 * is decided by {@link CouponPolicy} on the stored state and written by one conditional write in
 * {@link CouponStore}; when another write got there first, it is decided again on the fresh state.
 */
@Service
public class CouponService {

    /** Codes drawn before giving up: with 2^60 codes, a second draw is already a curiosity. */
    static final int CODE_ATTEMPTS = 8;
    /** Decisions made again when a concurrent write changed the coupon between the read and the write. */
    static final int ATTEMPTS = 16;
    static final int SWEEP_BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(CouponService.class);

    private final CouponStore store;
    private final CouponPolicy policy;
    private final CouponCode codes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CouponService(CouponStore store, CouponPolicy policy, CouponCode codes, Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.policy = policy;
        this.codes = codes;
        this.clock = clock;
        this.events = events;
    }

    /** The coupon issued, or the one an earlier request with the same key issued ({@code created} false). */
    Issued issue(IssueCoupon request, String idempotencyKey, String by) {
        String fingerprint = CouponPolicy.fingerprint(request);
        if (idempotencyKey != null) {
            Optional<Coupon> earlier = store.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), idempotencyKey, fingerprint);
            }
        }
        Instant now = now();
        IssueTerms terms = policy.issueTerms(request, now);
        Coupon coupon = Coupon.issued(codes.next(), terms, idempotencyKey, idempotencyKey == null ? null : fingerprint,
                by, now);
        for (int attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
            if (store.insert(coupon)) {
                events.publishEvent(new CouponsChanged(coupon.code()));
                return new Issued(coupon, true);
            }
            // a unique index refused it: the same key or return raced us, or (rarely) the code was taken
            if (idempotencyKey != null) {
                Optional<Coupon> raced = store.findByIdempotencyKey(idempotencyKey);
                if (raced.isPresent()) {
                    return replay(raced.get(), idempotencyKey, fingerprint);
                }
            }
            if (terms.returnId() != null) {
                Optional<Coupon> raced = store.findByReturnId(terms.returnId());
                if (raced.isPresent()) {
                    return new Issued(raced.get(), false);
                }
            }
            coupon = coupon.withCode(codes.next());
        }
        throw new IllegalStateException("no free coupon code after " + CODE_ATTEMPTS + " draws");
    }

    /**
     * Issues the coupon a return asks for, once per return id: a redelivered return finds its coupon and writes
     * nothing. Answers whether a coupon was issued now.
     */
    public boolean issueForReturn(IssueCoupon request, String by) {
        if (request.returnId() == null || request.returnId().isBlank()) {
            throw new InvalidCouponRequest("returnId", "is required: one return, one coupon");
        }
        if (store.findByReturnId(request.returnId()).isPresent()) {
            return false;
        }
        return issue(request, null, by).created();
    }

    Coupon find(String code) {
        return store.find(code).orElseThrow(() -> new CouponNotFound(code));
    }

    Coupon redeem(String code, BigDecimal amount, String storeId, String redemptionId, String by) {
        CouponPolicy.requireRedeemingStore(storeId);
        if (redemptionId.isBlank() || redemptionId.length() > CouponPolicy.MAX_TEXT) {
            throw new InvalidCouponRequest("redemptionId", "must have 1-" + CouponPolicy.MAX_TEXT + " characters");
        }
        return change(code, (coupon, now) -> {
            long minorUnits = policy.redemptionAmount(amount, coupon.currency());
            if (!policy.redeem(coupon, minorUnits, storeId, redemptionId, now)) {
                return Outcome.NOTHING_TO_WRITE;
            }
            return new Outcome(true, store.redeem(code, minorUnits,
                    CouponChange.redeemed(now, by, minorUnits, storeId, redemptionId), now));
        });
    }

    Coupon cancel(String code, String reason, String by) {
        return change(code, (coupon, now) -> {
            if (!policy.cancel(coupon, reason, now)) {
                return Outcome.NOTHING_TO_WRITE;
            }
            return new Outcome(true, store.cancel(code, CouponChange.cancelled(now, by, reason.strip()), now));
        });
    }

    Coupon extend(String code, Instant expiresAt, String by) {
        Instant newExpiry = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
        return change(code, (coupon, now) -> {
            if (!policy.extend(coupon, newExpiry, now)) {
                return Outcome.NOTHING_TO_WRITE;
            }
            return new Outcome(true, store.extend(code, CouponChange.extended(now, by, coupon.expiresAt(), newExpiry),
                    now));
        });
    }

    /** Marks every coupon whose expiry has come EXPIRED, each once; answers how many. */
    int expireDue() {
        int expired = 0;
        List<Coupon> due;
        do {
            Instant now = now();
            due = store.dueToExpire(now, SWEEP_BATCH);
            for (Coupon coupon : due) {
                if (policy.dueToExpire(coupon, now) && store.expire(coupon, now).isPresent()) {
                    events.publishEvent(new CouponsChanged(coupon.code()));
                    expired++;
                }
            }
        } while (due.size() == SWEEP_BATCH);
        if (expired > 0) {
            log.info("{} coupon(s) expired", expired);
        }
        return expired;
    }

    CouponPage list(CouponQuery query) {
        Instant now = now();
        List<Criteria> parts = new ArrayList<>();
        if (query.customerDocument() != null) {
            parts.add(where(Coupon.CUSTOMER).is(query.customerDocument()));
        }
        if (query.issuingStoreId() != null) {
            parts.add(where(Coupon.ISSUING_STORE).is(query.issuingStoreId()));
        } else if (query.visibleIssuingStores().isPresent()) {
            parts.add(where(Coupon.ISSUING_STORE).in(query.visibleIssuingStores().get()));
        }
        if (query.status() != null) {
            parts.add(statusIs(query.status(), now));
        }
        Criteria criteria = parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
        long total = store.count(criteria);
        List<Coupon> coupons = store.find(criteria, Sort.by(Sort.Order.desc(Coupon.ISSUED_AT), Sort.Order.asc(
                Coupon.CODE)), (long) query.page() * query.size(), query.size());
        return CouponPage.of(coupons.stream().map(coupon -> CouponSummary.of(coupon, policy.statusOf(coupon, now)))
                .toList(), query.page(), query.size(), total);
    }

    CouponStatus statusOf(Coupon coupon) {
        return policy.statusOf(coupon, now());
    }

    /** The criteria of a status as {@link CouponPolicy#statusOf} reads it. */
    private static Criteria statusIs(CouponStatus status, Instant now) {
        return switch (status) {
            case ACTIVE -> where(Coupon.STATUS).is(CouponStatus.ACTIVE).and(Coupon.BALANCE).gt(0)
                    .and(Coupon.EXPIRES_AT).gt(now);
            case REDEEMED -> where(Coupon.STATUS).is(CouponStatus.ACTIVE).and(Coupon.BALANCE).is(0);
            case CANCELLED -> where(Coupon.STATUS).is(CouponStatus.CANCELLED);
            case EXPIRED -> new Criteria().orOperator(where(Coupon.STATUS).is(CouponStatus.EXPIRED),
                    where(Coupon.STATUS).is(CouponStatus.ACTIVE).and(Coupon.BALANCE).gt(0).and(Coupon.EXPIRES_AT)
                            .lte(now));
        };
    }

    /**
     * Decides a change on the stored coupon and writes it. When there is nothing to write (the same change was
     * made before) the coupon is answered as it is; when another write changed the coupon between the read and
     * this write, the change is decided again on the fresh state.
     */
    private Coupon change(String code, Decision decision) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Coupon coupon = find(code);
            Outcome outcome = decision.apply(coupon, now());
            if (!outcome.write()) {
                return coupon;
            }
            if (outcome.written().isPresent()) {
                events.publishEvent(new CouponsChanged(code));
                return outcome.written().get();
            }
        }
        throw new IllegalStateException("coupon " + code + " kept changing under " + ATTEMPTS + " attempts");
    }

    /** Now, to the millisecond: what MongoDB keeps, so that an answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A decision on a coupon at an instant. */
    @FunctionalInterface
    private interface Decision {
        Outcome apply(Coupon coupon, Instant now);
    }

    /** Whether the decision was to write, and what the conditional write left (empty: another write was first). */
    private record Outcome(boolean write, Optional<Coupon> written) {
        static final Outcome NOTHING_TO_WRITE = new Outcome(false, Optional.empty());
    }

    private static Issued replay(Coupon earlier, String key, String fingerprint) {
        if (!fingerprint.equals(earlier.requestFingerprint())) {
            throw new IdempotencyKeyReused(key.substring(key.indexOf(':') + 1), earlier.code());
        }
        return new Issued(earlier, false);
    }

    /** A coupon and whether this request issued it. */
    record Issued(Coupon coupon, boolean created) {
    }

    /** A page of coupons, filtered; {@code visibleIssuingStores} is the caller's scope (empty: all). */
    record CouponQuery(String customerDocument, CouponStatus status, String issuingStoreId,
            Optional<Set<String>> visibleIssuingStores, int page, int size) {
    }
}
