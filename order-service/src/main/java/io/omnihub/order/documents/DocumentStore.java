package io.omnihub.order.documents;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Writes and reads documents in the {@code omnihub-documents} bucket through the S3 API (MinIO, S3Proxy, AWS). */
@Component
class DocumentStore {

    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchBucket");

    private final MinioClient client;
    private final String bucket;
    private volatile boolean bucketChecked;

    DocumentStore(S3Properties s3, DocumentsProperties documents) {
        this.client = MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey())
                .build();
        this.bucket = documents.bucket();
    }

    /** Stores {@code bytes} under {@code key}; returns the object's entity tag. */
    String put(String key, byte[] bytes, String contentType) {
        ensureBucket();
        try {
            ObjectWriteResponse written = client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType(contentType).build());
            return written.etag();
        } catch (Exception e) {
            throw new DocumentStoreException("could not write " + bucket + "/" + key, e);
        }
    }

    /** The object's bytes as S3 streams them; close the stream once read. */
    InputStream open(String key) {
        try {
            GetObjectResponse response = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key)
                    .build());
            return response;
        } catch (ErrorResponseException e) {
            if (MISSING.contains(e.errorResponse().code())) {
                throw new DocumentMissingException(bucket + "/" + key);
            }
            throw new DocumentStoreException("could not read " + bucket + "/" + key, e);
        } catch (Exception e) {
            throw new DocumentStoreException("could not read " + bucket + "/" + key, e);
        }
    }

    // production creates the bucket with the stack; a fresh MinIO or S3Proxy should not fail the first upload
    private void ensureBucket() {
        if (bucketChecked) {
            return;
        }
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            bucketChecked = true;
        } catch (ErrorResponseException e) {
            // another replica made it in between
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw new DocumentStoreException("could not create bucket " + bucket, e);
            }
            bucketChecked = true;
        } catch (Exception e) {
            throw new DocumentStoreException("could not check bucket " + bucket, e);
        }
    }

    /** The object store failed (answered 503 to the client). */
    static class DocumentStoreException extends RuntimeException {
        DocumentStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The metadata names an object the store does not have (any more). */
    static class DocumentMissingException extends RuntimeException {
        DocumentMissingException(String message) {
            super(message);
        }
    }
}
