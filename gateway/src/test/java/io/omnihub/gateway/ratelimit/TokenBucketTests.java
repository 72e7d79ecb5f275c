package io.omnihub.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void grantsABurstUpToItsCapacityThenAsksToWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(new Limit(3, 2), 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();

        assertThat(bucket.tryTake(0)).isEqualTo(SECOND / 2);
    }

    @Test
    void refillsAtItsRateAndNeverAboveItsCapacity() {
        TokenBucket bucket = new TokenBucket(new Limit(2, 4), 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(SECOND / 4)).as("one token after 250 ms").isZero();
        assertThat(bucket.tryTake(SECOND / 4)).isPositive();

        long muchLater = 100 * SECOND;
        assertThat(bucket.tryTake(muchLater)).isZero();
        assertThat(bucket.tryTake(muchLater)).isZero();
        assertThat(bucket.tryTake(muchLater)).as("capacity 2, however long it waited").isPositive();
    }

    @Test
    void letsASteadyCallerThroughAtItsRate() {
        TokenBucket bucket = new TokenBucket(new Limit(1, 10), 0);
        int granted = 0;
        for (long t = 0; t < 10 * SECOND; t += SECOND / 100) {
            if (bucket.tryTake(t) == 0) {
                granted++;
            }
        }
        // 100 attempts a second for 10 s at 10 a second: the first token, then 10 a second
        assertThat(granted).isBetween(100, 101);
    }

    @Test
    void saysHowLongUntilTheNextTokenForASlowRate() {
        TokenBucket bucket = new TokenBucket(new Limit(1, 0.1), 0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(0)).isEqualTo(10 * SECOND);
        assertThat(bucket.tryTake(4 * SECOND)).isEqualTo(6 * SECOND);
    }

    @Test
    void refusesALimitThatCouldNeverGrantARequest() {
        assertThatThrownBy(() -> new Limit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
