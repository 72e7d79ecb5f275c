package io.omnihub.coupon.coupons;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The coupons collection. Every change is ONE conditional single-document write: its filter holds the rule (a
 * redemption matches only while the coupon is active, unexpired, has the balance and has not seen the redemption
 * id), its update moves the state and appends the history entry that the relay publishes. No lock, no
 * transaction: two redemptions racing for the last cents cannot both match.
 */
@Component
class CouponStore {

    private final MongoTemplate mongo;

    CouponStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Coupon> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Coupon.class));
    }

    Optional<Coupon> findByReturnId(String returnId) {
        return findOne(where(Coupon.RETURN_ID).is(returnId));
    }

    Optional<Coupon> findByIdempotencyKey(String key) {
        return findOne(where(Coupon.IDEMPOTENCY_KEY).is(key));
    }

    /** Stores a new coupon; false when a unique index refused it (the code, the return or the key was taken). */
    boolean insert(Coupon coupon) {
        try {
            mongo.insert(coupon);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Spends {@code amount}; the coupon after it, or empty when the coupon no longer allows it. */
    Optional<Coupon> redeem(String code, long amount, CouponChange redemption, Instant now) {
        Query allowed = Query.query(where(Coupon.CODE).is(code).and(Coupon.STATUS).is(CouponStatus.ACTIVE)
                .and(Coupon.EXPIRES_AT).gt(now).and(Coupon.BALANCE).gte(amount)
                .and(Coupon.REDEMPTION_IDS).ne(redemption.redemptionId()));
        return change(allowed, new Update().inc(Coupon.BALANCE, -amount), redemption, now);
    }

    Optional<Coupon> cancel(String code, CouponChange cancellation, Instant now) {
        Query allowed = Query.query(where(Coupon.CODE).is(code).and(Coupon.STATUS).is(CouponStatus.ACTIVE)
                .and(Coupon.EXPIRES_AT).gt(now).and(Coupon.BALANCE).gt(0));
        return change(allowed, new Update().set(Coupon.STATUS, CouponStatus.CANCELLED), cancellation, now);
    }

    /** Moves the expiry, provided it is still the one the decision was made on. */
    Optional<Coupon> extend(String code, CouponChange extension, Instant now) {
        Query allowed = Query.query(where(Coupon.CODE).is(code).and(Coupon.STATUS).is(CouponStatus.ACTIVE)
                .and(Coupon.EXPIRES_AT).is(extension.previousExpiry()).and(Coupon.BALANCE).gt(0));
        if (!extension.previousExpiry().isAfter(now)) {
            return Optional.empty();
        }
        return change(allowed, new Update().set(Coupon.EXPIRES_AT, extension.expiresAt()), extension, now);
    }

    /** Marks an active coupon with something left EXPIRED once its expiry has come; empty when it is not due. */
    Optional<Coupon> expire(Coupon due, Instant now) {
        if (now.isBefore(due.expiresAt())) {
            return Optional.empty();
        }
        Query allowed = Query.query(where(Coupon.CODE).is(due.code()).and(Coupon.STATUS).is(CouponStatus.ACTIVE)
                .and(Coupon.EXPIRES_AT).is(due.expiresAt()).and(Coupon.BALANCE).gt(0));
        return change(allowed, new Update().set(Coupon.STATUS, CouponStatus.EXPIRED),
                CouponChange.expired(now, due.expiresAt()), now);
    }

    /** Active coupons with something left whose expiry has come, the oldest expiry first. */
    List<Coupon> dueToExpire(Instant now, int limit) {
        Query due = Query.query(where(Coupon.STATUS).is(CouponStatus.ACTIVE).and(Coupon.EXPIRES_AT).lte(now)
                .and(Coupon.BALANCE).gt(0)).with(Sort.by(Coupon.EXPIRES_AT)).limit(limit);
        return mongo.find(due, Coupon.class);
    }

    List<Coupon> find(Criteria criteria, Sort sort, long skip, int limit) {
        return mongo.find(Query.query(criteria).with(sort).skip(skip).limit(limit), Coupon.class);
    }

    long count(Criteria criteria) {
        return mongo.count(Query.query(criteria), Coupon.class);
    }

    private Optional<Coupon> change(Query allowed, Update update, CouponChange change, Instant now) {
        update.push(Coupon.HISTORY, change).inc(Coupon.CHANGES, 1).set(Coupon.UNPUBLISHED, true)
                .set(Coupon.UPDATED_AT, now);
        return Optional.ofNullable(mongo.findAndModify(allowed, update,
                FindAndModifyOptions.options().returnNew(true), Coupon.class));
    }

    private Optional<Coupon> findOne(Criteria criteria) {
        return Optional.ofNullable(mongo.findOne(Query.query(criteria), Coupon.class));
    }
}
