package io.omnihub.catalog.photo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhotoFileTests {

    @Test
    void theEntityTagIsAStrongQuotedTagOfTheObjectsPlace() {
        String tag = PhotoFile.eTagOf("omnihub-archive", "imp-1/photos/1001 1.png");

        assertThat(tag).matches("\"[0-9a-f]{32}\"");
        assertThat(PhotoFile.eTagOf("omnihub-archive", "imp-1/photos/1001 1.png")).isEqualTo(tag);
    }

    @Test
    void aReplacingImageGetsAnotherEntityTag() {
        assertThat(PhotoFile.eTagOf("omnihub-archive", "imp-2/photos/1001 1.png"))
                .isNotEqualTo(PhotoFile.eTagOf("omnihub-archive", "imp-1/photos/1001 1.png"));
    }
}
