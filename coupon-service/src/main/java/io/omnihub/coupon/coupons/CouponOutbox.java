package io.omnihub.coupon.coupons;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The outbox kept on the coupons: the history entries after the {@code published} first ones. Whoever relays
 * them marks them published once the broker has them, so a crash in between only sends them again (with the same
 * event ids).
 */
@Component
public class CouponOutbox {

    private final MongoTemplate mongo;

    CouponOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Coupons with changes to relay, the least recently changed first. */
    public List<PendingCoupon> pending(int limit) {
        Query query = Query.query(where(Coupon.UNPUBLISHED).is(true))
                .with(Sort.by(Coupon.UPDATED_AT, Coupon.CODE)).limit(limit);
        return mongo.find(query, Coupon.class).stream().map(CouponOutbox::pendingOf).toList();
    }

    /**
     * Records that {@code sent} is on Kafka. The coupon leaves the outbox only if nothing was added meanwhile;
     * a relay that is behind another (another replica) changes nothing.
     */
    public void markPublished(PendingCoupon sent) {
        long published = sent.published() + sent.changes().size();
        var done = mongo.updateFirst(Query.query(where(Coupon.CODE).is(sent.code()).and(Coupon.PUBLISHED)
                .is(sent.published()).and(Coupon.CHANGES).is(published)),
                new Update().set(Coupon.PUBLISHED, published).set(Coupon.UNPUBLISHED, false), Coupon.class);
        if (done.getMatchedCount() == 0) {
            mongo.updateFirst(Query.query(where(Coupon.CODE).is(sent.code()).and(Coupon.PUBLISHED)
                    .is(sent.published())), new Update().set(Coupon.PUBLISHED, published), Coupon.class);
        }
    }

    static PendingCoupon pendingOf(Coupon coupon) {
        List<Long> balances = coupon.balances();
        List<PendingChange> changes = new ArrayList<>();
        for (int i = (int) coupon.published(); i < coupon.history().size(); i++) {
            CouponChange change = coupon.history().get(i);
            changes.add(new PendingChange(coupon.code(), i + 1L, change.type(), change.at(),
                    change.amount() == null ? null : CouponPolicy.decimal(change.amount(), coupon.currency()),
                    CouponPolicy.decimal(balances.get(i), coupon.currency()), coupon.currency(),
                    coupon.customerDocument(), coupon.issuingStoreId(), coupon.orderId(), coupon.fulfillmentId(),
                    coupon.returnId(), change.storeId(), change.redemptionId(), change.reason(),
                    change.previousExpiry(), change.expiresAt(), change.correlationId()));
        }
        return new PendingCoupon(coupon.code(), coupon.published(), changes);
    }
}
