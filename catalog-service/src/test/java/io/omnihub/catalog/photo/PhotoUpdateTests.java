package io.omnihub.catalog.photo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoUpdateTests {

    @ParameterizedTest
    @ValueSource(strings = {"image/jpeg", "image/png", "image/webp", "image/gif"})
    void takesTheImageTypesIngestRecognizes(String contentType) {
        assertThatCode(() -> photo(contentType)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "image/svg+xml", "application/octet-stream", ""})
    void refusesTypesABrowserCouldRunOrGuess(String contentType) {
        assertThatThrownBy(() -> photo(contentType)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAPhotoWithoutAPlaceForItsImage() {
        assertThatThrownBy(() -> new PhotoUpdate("1001", 1, "image/png", 10, "omnihub-archive", " ", "imp",
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PhotoUpdate photo(String contentType) {
        return new PhotoUpdate("1001", 1, contentType, 10, "omnihub-archive", "imp/photos/1001 1.png", "imp",
                Instant.EPOCH);
    }
}
