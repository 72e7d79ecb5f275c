package io.omnihub.ingest.photos;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoNamesTests {

    @Test
    void referenceAndSequenceComeFromTheName() {
        assertThat(PhotoNames.parse("photos/3266 2.jpg")).contains(new PhotoNames.Name("3266", 2));
        assertThat(PhotoNames.parse("photos/loja-a/CAM AZ-01 10.PNG")).contains(new PhotoNames.Name("CAM AZ-01", 10));
        assertThat(PhotoNames.parse("photos/1001_1.webp")).contains(new PhotoNames.Name("1001", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"photos/3266.jpg", "photos/3266 2.txt", "photos/ 2.jpg", "photos/3266 0.jpg",
            "photos/3266 x.jpg", "photos/3266 2.jpg.exe"})
    void namesOutsideTheConventionAreRefused(String key) {
        assertThat(PhotoNames.parse(key)).isEmpty();
    }

    @Test
    void theImageTypeComesFromTheBytes() {
        assertThat(PhotoNames.contentType(Fixtures.bytes("photos/1001 1.png"))).contains("image/png");
        assertThat(PhotoNames.contentType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains("image/jpeg");
        assertThat(PhotoNames.contentType("GIF89a".getBytes())).contains("image/gif");
        assertThat(PhotoNames.contentType("<svg onload=alert(1)>".getBytes())).isEmpty();
    }
}
