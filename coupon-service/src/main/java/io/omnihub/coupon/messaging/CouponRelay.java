package io.omnihub.coupon.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.coupon.coupons.CouponOutbox;
import io.omnihub.coupon.coupons.CouponsChanged;
import io.omnihub.coupon.coupons.PendingChange;
import io.omnihub.coupon.coupons.PendingCoupon;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.platform.kafka.EventPublisher;
import io.omnihub.platform.web.CorrelationId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Relays the coupons' outbox to {@code coupons.lifecycle} (key: the code): right after a write stored a change,
 * and every {@code interval} as a safety net, so what was stored before a crash is sent after the restart. One
 * thread does all passes; a coupon's changes are sent in their order and marked published only once the broker
 * has acknowledged all of them (acks=all), so a crash in between sends them again with the same event ids.
 */
@Component
class CouponRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(CouponRelay.class);
    /** Rounds one pass may run before it lets the next scheduled pass take over. */
    private static final int MAX_ROUNDS = 1_000;

    private final CouponOutbox outbox;
    private final EventPublisher publisher;
    private final RelayProperties properties;

    CouponRelay(CouponOutbox outbox, EventPublisher publisher, RelayProperties properties) {
        super("coupon-relay", properties.interval(), properties.autoStartup());
        this.outbox = outbox;
        this.publisher = publisher;
        this.properties = properties;
    }

    @EventListener
    void on(CouponsChanged changed) {
        wake();
    }

    @Override
    protected void pass() {
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<PendingCoupon> batch = outbox.pending(properties.batchSize());
                int published = relay(batch);
                // a short batch was the end of the outbox; a batch with failures waits for the next pass
                if (batch.size() < properties.batchSize() || published < batch.size()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Coupon relay pass failed; the next one retries: {}", e.toString());
        }
    }

    /** Sends the batch, waits for the acknowledgements, marks what was acknowledged; answers how many coupons. */
    private int relay(List<PendingCoupon> batch) {
        List<List<CompletableFuture<?>>> sent = new ArrayList<>(batch.size());
        for (PendingCoupon coupon : batch) {
            List<CompletableFuture<?>> changes = new ArrayList<>(coupon.changes().size());
            for (PendingChange change : coupon.changes()) {
                // the event carries the id of the request or event that made the change, not the relay's
                try (var scope = CorrelationId.open(change.correlationId())) {
                    changes.add(publisher.publish(Topics.COUPONS_LIFECYCLE, change.code(),
                            CouponEvents.eventId(change), CouponEvents.toEvent(change)));
                }
            }
            sent.add(changes);
        }
        int published = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                for (CompletableFuture<?> change : sent.get(i)) {
                    change.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                outbox.markPublished(batch.get(i));
                published++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return published;
            } catch (Exception e) {
                log.warn("Changes of coupon {} not acknowledged; they stay in the outbox: {}", batch.get(i).code(),
                        e.toString());
            }
        }
        return published;
    }
}
