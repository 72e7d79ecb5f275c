package io.omnihub.catalog.photo;

/** The object store has no image where a photo says it is. */
public final class PhotoMissingException extends RuntimeException {

    PhotoMissingException(String bucket, String key) {
        super("No image at " + bucket + "/" + key);
    }
}
