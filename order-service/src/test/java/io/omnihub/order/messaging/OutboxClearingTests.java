package io.omnihub.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.order.model.OrderRepository.SentOutbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxClearingTests {

    private static final Duration DELAY = Duration.ofSeconds(1);

    private final List<List<SentOutbox>> writes = new ArrayList<>();
    private final OutboxClearing clearing = new OutboxClearing(writes::add, DELAY);

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    private static SentOutbox outbox(String orderId, long revision) {
        return new SentOutbox(orderId, revision);
    }

    @Test
    void anAcknowledgedOutboxIsRemovedOnlyOnceItHasWaitedTheDelay() {
        // given one order's outbox acknowledged at 0
        clearing.sent("ord-A", 1, ms(0));

        // when the relay passes before and after the delay
        clearing.flushDue(ms(999));
        List<List<SentOutbox>> early = List.copyOf(writes);
        clearing.flushDue(ms(1_000));

        // then nothing is written early, and one write removes it once due
        assertThat(early).isEmpty();
        assertThat(writes).containsExactly(List.of(outbox("ord-A", 1)));
        assertThat(clearing.size()).isZero();
    }

    @Test
    void theRemovalsDueAtOnePassGoInOneWriteAndTheOthersWait() {
        // given three orders acknowledged at 0, 200 and 1,500 ms
        clearing.sent("ord-A", 1, ms(0));
        clearing.sent("ord-B", 3, ms(200));
        clearing.sent("ord-C", 1, ms(1_500));

        // when the relay passes at 1,300 ms
        clearing.flushDue(ms(1_300));

        // then the two due go in one write, the third waits
        assertThat(writes).containsExactly(List.of(outbox("ord-A", 1), outbox("ord-B", 3)));
        assertThat(clearing.size()).isEqualTo(1);
    }

    @Test
    void whenTheOldestIsDueThoseWaitingHalfTheDelayGoWithItAndTheYoungerWait() {
        // given orders acknowledged at 0, 400 and 800 ms
        clearing.sent("ord-A", 1, ms(0));
        clearing.sent("ord-B", 1, ms(400));
        clearing.sent("ord-C", 1, ms(800));

        // when the relay passes at 1,000 ms, then at 1,400 ms
        clearing.flushDue(ms(1_000));
        clearing.flushDue(ms(1_400));

        // then A and B (600 ms old) go together; C (200 ms old, maybe awaiting its answer) waits for its own delay
        assertThat(writes).containsExactly(List.of(outbox("ord-A", 1), outbox("ord-B", 1)));
        assertThat(clearing.size()).isEqualTo(1);
    }

    @Test
    void aNewerWriteOfTheOrderMakesTheWaitingRemovalUnnecessary() {
        // given an order's intake outbox acknowledged, then the reservation answer written (revision 2)
        clearing.sent("ord-A", 1, ms(0));
        clearing.superseded("ord-A", 2);

        // when the delay passes
        clearing.flushDue(ms(5_000));

        // then the older revision's removal is not written: the newer one's will clear both
        assertThat(writes).isEmpty();
    }

    @Test
    void theNewerRevisionIsRemovedWhenBothWereAcknowledgedKeepingTheFirstTime() {
        // given revision 1 acknowledged at 0 and revision 2 at 600 ms
        clearing.sent("ord-A", 1, ms(0));
        clearing.sent("ord-A", 2, ms(600));

        // when the relay passes one delay after the first
        clearing.flushDue(ms(1_000));

        // then revision 2 is removed, once (a stream of writes to one order still gets cleared)
        assertThat(writes).containsExactly(List.of(outbox("ord-A", 2)));
    }

    @Test
    void anOlderRevisionAcknowledgedLateDoesNotReplaceTheNewer() {
        // given revision 2 acknowledged, then revision 1's acknowledgement arriving late
        clearing.sent("ord-A", 2, ms(0));
        clearing.sent("ord-A", 1, ms(100));

        // when due
        clearing.flushDue(ms(2_000));

        // then revision 2 is the one removed
        assertThat(writes).containsExactly(List.of(outbox("ord-A", 2)));
    }

    @Test
    void anOrderWhoseOutboxIsChangedAnotherWayIsForgotten() {
        // given a waiting removal, then part of a later outbox failed (the relay changes the order itself)
        clearing.sent("ord-A", 1, ms(0));
        clearing.forget("ord-A");

        // when due
        clearing.flushDue(ms(2_000));

        // then nothing is written for it
        assertThat(writes).isEmpty();
    }
}
