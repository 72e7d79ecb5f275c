package io.omnihub.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProductVersionTests {

    private static final Instant MORNING = Instant.parse("2026-11-29T10:15:00Z");

    @Test
    void aLaterReceiptWinsWhateverTheRows() {
        var earlier = new ProductVersion(MORNING, 900);
        var later = new ProductVersion(MORNING.plusMillis(1), 2);

        assertThat(later.isNewerThan(earlier)).isTrue();
        assertThat(earlier.isNewerThan(later)).isFalse();
    }

    @Test
    void withinOneReceiptALaterRowWins() {
        assertThat(new ProductVersion(MORNING, 10).isNewerThan(new ProductVersion(MORNING, 9))).isTrue();
        assertThat(new ProductVersion(MORNING, 9).isNewerThan(new ProductVersion(MORNING, 10))).isFalse();
    }

    @Test
    void theSameVersionIsNotNewerThanItself() {
        assertThat(new ProductVersion(MORNING, 2).isNewerThan(new ProductVersion(MORNING, 2))).isFalse();
    }

    @Test
    void keysSortExactlyAsVersionsDo() {
        var random = new Random(42);
        List<ProductVersion> versions = new ArrayList<>(List.of(new ProductVersion(MORNING, 9),
                new ProductVersion(MORNING, 10), new ProductVersion(MORNING.plusNanos(1), 1),
                new ProductVersion(Instant.parse("1969-12-31T23:59:59Z"), 5), new ProductVersion(Instant.EPOCH, 0),
                new ProductVersion(MORNING, Long.MAX_VALUE)));
        for (int i = 0; i < 200; i++) {
            versions.add(new ProductVersion(MORNING.plusSeconds(random.nextInt(5)).plusNanos(random.nextInt(3)),
                    random.nextInt(1_500_000)));
        }

        List<ProductVersion> byVersion = versions.stream().sorted().toList();
        List<ProductVersion> byKey = versions.stream().sorted(Comparator.comparing(ProductVersion::key)).toList();

        assertThat(byKey).isEqualTo(byVersion);
    }

    @Test
    void keysAreWrittenExactlyAsTheStoredOnesWere() {
        var random = new Random(7);
        List<ProductVersion> versions = new ArrayList<>(List.of(new ProductVersion(Instant.MIN, 0),
                new ProductVersion(Instant.MAX, Long.MAX_VALUE), new ProductVersion(Instant.EPOCH, 1)));
        for (int i = 0; i < 500; i++) {
            versions.add(new ProductVersion(Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 100_000_000_000L),
                    random.nextInt(1_000_000_000)), random.nextLong(0, Long.MAX_VALUE)));
        }

        for (ProductVersion version : versions) {
            // the format every stored document's version was written in: keys are compared with them
            String stored = String.format("%019d.%09d.%019d",
                    version.receivedAt().getEpochSecond() - Instant.MIN.getEpochSecond(),
                    version.receivedAt().getNano(), version.row());
            assertThat(version.key()).isEqualTo(stored);
        }
    }

    @Test
    void keysKeepTheNanosecondsThatADateWouldDrop() {
        assertThat(new ProductVersion(MORNING.plusNanos(1), 1).key())
                .isGreaterThan(new ProductVersion(MORNING, 1).key());
    }

    @Test
    void refusesANegativeRow() {
        assertThatThrownBy(() -> new ProductVersion(MORNING, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
