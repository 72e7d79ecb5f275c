package io.omnihub.catalog.photo;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * A product's photo as the API lists it; {@code url} is where the gateway serves its image,
 * {@code /api/v1/products/{reference}/photos/{sequence}}.
 */
public record PhotoResponse(int sequence, String contentType, long size, String url) {

    static PhotoResponse of(Photo photo) {
        return new PhotoResponse(photo.sequence(), photo.contentType(), photo.size(),
                urlOf(photo.reference(), photo.sequence()));
    }

    static String urlOf(String reference, int sequence) {
        return "/api/v1/products/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8) + "/photos/"
                + sequence;
    }
}
