package io.omnihub.catalog.photo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the current image of a photo is and how to serve it. The entity tag derives from the object's
 * bucket and key: every image ingest archives gets a key of its own, so a replaced photo gets a new tag, and
 * a conditional request is answered without reading S3.
 */
public record PhotoFile(String contentType, long size, String eTag, String bucket, String key) {

    static PhotoFile of(Photo photo) {
        return new PhotoFile(photo.contentType(), photo.size(), eTagOf(photo.bucket(), photo.key()), photo.bucket(),
                photo.key());
    }

    static String eTagOf(String bucket, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + key).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
