package io.omnihub.catalog.photo;

/** The object store failed or could not be reached; asking again later may succeed. */
public final class PhotoStoreException extends RuntimeException {

    PhotoStoreException(Exception cause) {
        super("object store: " + cause.getMessage(), cause);
    }
}
