package io.omnihub.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.benchmarks.ThreadCpu.ThreadTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTests {

    @Test
    void whatThreadsThatEndedUsedIsTheProcesssCpuBeyondItsLivingThreads() {
        var before = Map.of(1L, new ThreadTime(1, "reader", 1_000), 2L, new ThreadTime(2, "rows", 500));
        var after = Map.of(1L, new ThreadTime(1, "reader", 4_000), 3L, new ThreadTime(3, "producer", 700));

        var busiest = ThreadCpu.busiest(before, after, 6_000, 5);

        assertThat(busiest).containsExactly(new ThreadTime(1, "reader", 3_000), new ThreadTime(-1, ThreadCpu.ENDED, 2_300),
                new ThreadTime(3, "producer", 700));
    }

    @Test
    void noEntryForEndedThreadsWhenTheLivingOnesAccountForTheProcess() {
        var before = Map.of(1L, new ThreadTime(1, "reader", 1_000));
        var after = Map.of(1L, new ThreadTime(1, "reader", 3_000));

        assertThat(ThreadCpu.busiest(before, after, 2_010, 5)).containsExactly(new ThreadTime(1, "reader", 2_000));
    }
}
