package io.omnihub.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WriteTokensTests {

    private static final String DIGEST = "0123456789abcdef01234567";
    private static final String OTHER_DIGEST = "fedcba9876543210fedcba98";

    @Test
    void tokensSortInTheOrderTheyWereMade() {
        List<String> made = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            made.add(WriteTokens.next(n % 2 == 0 ? DIGEST : OTHER_DIGEST));
        }

        assertThat(made).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void tokensMadeByThreadsAtOnceAreAllDifferent() throws Exception {
        Set<String> made = ConcurrentHashMap.newKeySet();
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                threads.add(pool.submit(() -> {
                    for (int n = 0; n < 5_000; n++) {
                        made.add(WriteTokens.next(DIGEST));
                    }
                }));
            }
            for (Future<?> thread : threads) {
                thread.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(made).hasSize(20_000);
    }

    @Test
    void aTokenCarriesTheDigestOfTheStateItWasWrittenWithOnly() {
        String token = WriteTokens.next(DIGEST);

        assertThat(WriteTokens.carries(token, DIGEST)).isTrue();
        assertThat(WriteTokens.carries(token, OTHER_DIGEST)).isFalse();
    }

    @Test
    void theDigestATokenWasMadeWithIsReadBackFromIt() {
        assertThat(WriteTokens.digestOf(WriteTokens.next(DIGEST))).isEqualTo(DIGEST);
        assertThat(WriteTokens.digestOf(WriteTokens.next(OTHER_DIGEST))).isEqualTo(OTHER_DIGEST);
        assertThat(WriteTokens.digestOf("3.ASNFZ4mrze8BI0Vn")).isEqualTo("0123456789abcdef01234567");
    }

    @Test
    void aTokenWithoutADigestOfTodaysFormatGivesNone() {
        assertThat(WriteTokens.digestOf("LJ001:7891000000007@3@" + DIGEST)).isNull();
        assertThat(WriteTokens.digestOf(WriteTokens.next(null))).isNull();
        assertThat(WriteTokens.digestOf("20flrb8egowk3q7.not*base64*here!")).isNull();
    }

    @Test
    void tokensOfEarlierVersionsAreCheckedByTheirDigestToo() {
        assertThat(WriteTokens.carries("LJ001:7891000000007@3@" + DIGEST, DIGEST)).isTrue();
        assertThat(WriteTokens.carries("LJ001:7891000000007@3@" + DIGEST, OTHER_DIGEST)).isFalse();
        assertThat(WriteTokens.carries("3.ASNFZ4mrze8BI0Vn", DIGEST)).isTrue();
        assertThat(WriteTokens.carries("3.ASNFZ4mrze8BI0Vn", OTHER_DIGEST)).isFalse();
    }

    @Test
    void documentsWithoutATokenOrADigestAreTakenAsTheyAre() {
        assertThat(WriteTokens.carries(null, DIGEST)).isTrue();
        assertThat(WriteTokens.carries("LJ001:7891000000007@3", null)).isTrue();
    }
}
