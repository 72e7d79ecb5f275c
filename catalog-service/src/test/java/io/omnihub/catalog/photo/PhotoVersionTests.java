package io.omnihub.catalog.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhotoVersionTests {

    @Test
    void aLaterReceiptWinsWhateverTheKeys() {
        var earlier = new PhotoVersion(Instant.parse("2026-11-29T10:00:00Z"), "imp-z/photos/1001 1.png");
        var later = new PhotoVersion(Instant.parse("2026-11-29T10:00:00.000000001Z"), "imp-a/photos/1001 1.png");

        assertThat(later).isGreaterThan(earlier);
        assertThat(later.key()).isGreaterThan(earlier.key());
    }

    @Test
    void imagesReceivedAtTheSameInstantAreOrderedByKeySoTheSameOneAlwaysWins() {
        Instant same = Instant.parse("2026-11-29T10:00:00Z");
        var a = new PhotoVersion(same, "imp-a/photos/1001 1.png");
        var b = new PhotoVersion(same, "imp-b/photos/1001 1.jpg");

        assertThat(b).isGreaterThan(a);
        assertThat(b.key()).isGreaterThan(a.key());
        assertThat(a.key()).isEqualTo(new PhotoVersion(same, "imp-a/photos/1001 1.png").key());
    }

    @Test
    void keysSortAsTheVersionsDoAcrossCenturiesAndNanoseconds() {
        List<PhotoVersion> versions = new ArrayList<>(List.of(
                new PhotoVersion(Instant.parse("1969-12-31T23:59:59.999999999Z"), "k"),
                new PhotoVersion(Instant.parse("2026-11-29T10:15:00Z"), "k"),
                new PhotoVersion(Instant.parse("2026-11-29T10:15:00.000000001Z"), "a"),
                new PhotoVersion(Instant.parse("2100-01-01T00:00:00Z"), "k"),
                new PhotoVersion(Instant.parse("2026-11-29T10:14:59.999Z"), "z")));

        List<String> byVersion = versions.stream().sorted().map(PhotoVersion::key).toList();
        List<String> byKey = versions.stream().map(PhotoVersion::key).sorted(Comparator.naturalOrder()).toList();

        assertThat(byKey).isEqualTo(byVersion);
    }
}
