package io.omnihub.coupon.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Issuing, changing, expiring and the outbox against a real MongoDB-wire server, without Kafka or HTTP. */
@DataMongoTest
@Import({CouponService.class, CouponStore.class, CouponOutbox.class, CouponServiceIT.Setup.class})
@RecordApplicationEvents
class CouponServiceIT {

    private static final Instant START = Instant.parse("2026-11-29T14:05:00Z");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("coupons-service-" + UUID.randomUUID()));
    }

    @Autowired
    CouponService coupons;

    @Autowired
    CouponOutbox outbox;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MovableClock clock;

    @Autowired
    ReplayableRandom random;

    @Autowired
    ApplicationEvents events;

    @TestConfiguration
    static class Setup {

        @Bean
        MovableClock clock() {
            return new MovableClock(START);
        }

        @Bean
        ReplayableRandom random() {
            return new ReplayableRandom();
        }

        @Bean
        CouponCode couponCodes(ReplayableRandom random) {
            return new CouponCode(random);
        }

        @Bean
        CouponPolicy couponPolicy() {
            return new CouponPolicy("BRL", Duration.ofDays(90), RedeemScope.ANY_STORE);
        }
    }

    private static IssueCoupon request(String returnId) {
        return new IssueCoupon("52998224725", new BigDecimal("100.00"), null, "LJ001", "ord-1", "ful-1", returnId,
                "RETURN_IN_STORE", null);
    }

    @Test
    void aTakenCodeIsDrawnAgain() {
        random.replay();
        Coupon first = coupons.issue(request(null), null, "test").coupon();
        random.replay();

        Coupon second = coupons.issue(request(null), null, "test").coupon();

        assertThat(second.code()).isNotEqualTo(first.code());
        random.replay();
        CouponCode sameDraws = new CouponCode(random);
        assertThat(sameDraws.next()).isEqualTo(first.code());
        assertThat(sameDraws.next()).isEqualTo(second.code());
    }

    @Test
    void oneReturnYieldsOneCouponHoweverManyDeliveriesRace() throws Exception {
        String returnId = "ret-" + UUID.randomUUID();

        List<Boolean> issued = concurrently(8, () -> coupons.issueForReturn(request(returnId), "orders.lifecycle"));

        assertThat(issued).containsOnlyOnce(true);
        assertThat(mongo.count(Query.query(where("returnId").is(returnId)), Coupon.class)).isEqualTo(1);
    }

    @Test
    void returnsAndIdempotencyKeysAreUniqueInTheDatabaseItself() {
        var indexes = mongo.indexOps(Coupon.class).getIndexInfo();

        assertThat(indexes).filteredOn(index -> index.isIndexForFields(List.of("returnId")))
                .singleElement().satisfies(index -> assertThat(index.isUnique() && index.isSparse()).isTrue());
        assertThat(indexes).filteredOn(index -> index.isIndexForFields(List.of("idempotencyKey")))
                .singleElement().satisfies(index -> assertThat(index.isUnique() && index.isSparse()).isTrue());
    }

    @Test
    void oneIdempotencyKeyYieldsOneCouponHoweverManyRequestsRace() throws Exception {
        String key = "client:" + UUID.randomUUID();

        List<Coupon> answers = concurrently(8, () -> coupons.issue(request(null), key, "client").coupon());

        assertThat(answers).extracting(Coupon::code).containsOnly(answers.get(0).code());
        assertThat(mongo.count(Query.query(where("idempotencyKey").is(key)), Coupon.class)).isEqualTo(1);
    }

    @Test
    void theSweepExpiresADueCouponOnceAndSaysSoOnce() {
        Coupon coupon = coupons.issue(new IssueCoupon("52998224725", new BigDecimal("30"), null, "LJ001", null, null,
                null, "GOODWILL", START.plus(Duration.ofHours(1))), null, "test").coupon();
        clock.set(START.plus(Duration.ofMinutes(59)));
        assertThat(coupons.expireDue()).isZero();

        clock.set(START.plus(Duration.ofHours(1)));
        int first = coupons.expireDue();
        int second = coupons.expireDue();

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();
        Coupon expired = coupons.find(coupon.code());
        assertThat(expired.status()).isEqualTo(CouponStatus.EXPIRED);
        assertThat(expired.history()).extracting(CouponChange::type).containsExactly(ChangeType.ISSUED,
                ChangeType.EXPIRED);
        assertThat(expired.history().get(1).expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> coupons.extend(coupon.code(), START.plus(Duration.ofDays(9)), "test"))
                .isInstanceOf(CouponConflict.class);
    }

    @Test
    void aSpentCouponIsNotExpired() {
        clock.set(START);
        Coupon coupon = coupons.issue(new IssueCoupon("52998224725", new BigDecimal("30"), null, "LJ001", null, null,
                null, "GOODWILL", START.plus(Duration.ofHours(1))), null, "test").coupon();
        coupons.redeem(coupon.code(), new BigDecimal("30"), "LJ001", "red-1", "test");

        clock.set(START.plus(Duration.ofHours(2)));
        coupons.expireDue();

        assertThat(coupons.find(coupon.code()).history()).extracting(CouponChange::type)
                .containsExactly(ChangeType.ISSUED, ChangeType.REDEEMED);
    }

    @Test
    void everyChangeWaitsInTheOutboxWithTheBalanceAfterItUntilMarkedPublished() {
        clock.set(START);
        String code = coupons.issue(request(null), null, "test").coupon().code();
        coupons.redeem(code, new BigDecimal("40"), "LJ002", "red-1", "test");
        coupons.cancel(code, "MISTAKE", "test");

        PendingCoupon pending = pendingOf(code);
        assertThat(pending.changes()).extracting(PendingChange::type).containsExactly(ChangeType.ISSUED,
                ChangeType.REDEEMED, ChangeType.CANCELLED);
        assertThat(pending.changes()).extracting(PendingChange::sequence).containsExactly(1L, 2L, 3L);
        assertThat(pending.changes()).extracting(PendingChange::balance).containsExactly(new BigDecimal("100.00"),
                new BigDecimal("60.00"), new BigDecimal("60.00"));
        assertThat(events.stream(CouponsChanged.class).filter(changed -> changed.code().equals(code))).hasSize(3);

        outbox.markPublished(pending);

        assertThat(outbox.pending(1_000)).extracting(PendingCoupon::code).doesNotContain(code);
    }

    @Test
    void aChangeStoredWhileRelayingStaysInTheOutbox() {
        clock.set(START);
        String code = coupons.issue(request(null), null, "test").coupon().code();
        PendingCoupon beingSent = pendingOf(code);

        coupons.redeem(code, new BigDecimal("1"), "LJ002", "red-1", "test");
        outbox.markPublished(beingSent);

        PendingCoupon left = pendingOf(code);
        assertThat(left.published()).isEqualTo(1);
        assertThat(left.changes()).extracting(PendingChange::type).containsExactly(ChangeType.REDEEMED);
    }

    @Test
    void aRelayBehindAnotherChangesNothing() {
        clock.set(START);
        String code = coupons.issue(request(null), null, "test").coupon().code();
        PendingCoupon sentTwice = pendingOf(code);
        outbox.markPublished(sentTwice);
        coupons.redeem(code, new BigDecimal("1"), "LJ002", "red-1", "test");

        outbox.markPublished(sentTwice);

        assertThat(pendingOf(code).published()).isEqualTo(1);
        assertThat(pendingOf(code).changes()).hasSize(1);
    }

    private PendingCoupon pendingOf(String code) {
        return outbox.pending(10_000).stream().filter(pending -> pending.code().equals(code)).findFirst()
                .orElseThrow();
    }

    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Random draws that can be replayed from the start, to draw a code that is already taken. */
    static final class ReplayableRandom implements RandomGenerator {

        private Random random = new Random();

        synchronized void replay() {
            random = new Random(42);
        }

        @Override
        public synchronized long nextLong() {
            return random.nextLong();
        }

        @Override
        public synchronized int nextInt(int bound) {
            return random.nextInt(bound);
        }
    }
}
