package io.omnihub.ingest.storage;

/** An object in a bucket, identified by key and content (ETag). */
public record StoredObject(String bucket, String key, String etag, long size) {

    /** The same key with the same content is the same input: imported once. */
    public String source() {
        return bucket + "/" + key + "@" + etag;
    }
}
