package io.omnihub.catalog.photo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhotoResponseTests {

    @Test
    void theUrlIsTheProductsPhotoPathUnderTheGateway() {
        assertThat(PhotoResponse.urlOf("1001", 2)).isEqualTo("/api/v1/products/1001/photos/2");
    }

    @Test
    void aReferenceIsEncodedAsOnePathSegment() {
        assertThat(PhotoResponse.urlOf("AB/12 ç?", 1)).isEqualTo("/api/v1/products/AB%2F12%20%C3%A7%3F/photos/1");
    }
}
