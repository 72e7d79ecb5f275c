package io.omnihub.ingest.storage;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import io.omnihub.platform.web.CorrelationId;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** The S3 API as ingest uses it: list, read, write, archive. Works against MinIO, S3Proxy or AWS S3. */
@Component
public class ObjectStore {

    /** User metadata key of the correlation id; an ERP writing to the bucket may set it too. */
    static final String CORRELATION_ID = "correlation-id";
    /** As the platform accepts it from a header: short and plain, since it goes into logs and headers. */
    private static final Pattern CORRELATION_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final MinioClient client;

    ObjectStore(S3Properties properties) {
        this.client = MinioClient.builder().endpoint(properties.endpoint())
                .credentials(properties.accessKey(), properties.secretKey()).build();
    }

    public List<StoredObject> list(String bucket, String prefix) {
        return call(() -> {
            List<StoredObject> objects = new ArrayList<>();
            var results = client.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build());
            for (var result : results) {
                Item item = result.get();
                if (!item.isDir()) {
                    objects.add(new StoredObject(bucket, item.objectName(), unquote(item.etag()), item.size()));
                }
            }
            return objects;
        });
    }

    public Optional<StoredObject> stat(String bucket, String key) {
        return call(() -> {
            try {
                var stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
                return Optional.of(new StoredObject(bucket, key, unquote(stat.etag()), stat.size()));
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    public InputStream open(StoredObject object) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(object.bucket()).object(object.key())
                .build()));
    }

    /** The correlation id an object was stored with ({@code x-amz-meta-correlation-id}), if any. */
    public static Optional<String> correlationIdOf(InputStream opened) {
        if (opened instanceof GetObjectResponse response) {
            return Optional.ofNullable(response.headers().get("x-amz-meta-" + CORRELATION_ID))
                    .filter(id -> CORRELATION_ID_FORMAT.matcher(id).matches());
        }
        return Optional.empty();
    }

    public StoredObject put(String bucket, String key, byte[] content, String contentType) {
        return put(bucket, key, new ByteArrayInputStream(content), content.length, contentType);
    }

    /**
     * Streams {@code size} bytes into the object, without a copy in memory. The correlation id of the request
     * being served goes with it as user metadata, so whoever imports the object logs and publishes under it.
     */
    public StoredObject put(String bucket, String key, InputStream content, long size, String contentType) {
        String correlationId = MDC.get(CorrelationId.MDC_KEY);
        Map<String, String> metadata = correlationId == null ? Map.of() : Map.of(CORRELATION_ID, correlationId);
        return call(() -> {
            var response = client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(content, size, -1).contentType(contentType).userMetadata(metadata).build());
            return new StoredObject(bucket, key, unquote(response.etag()), size);
        });
    }

    public void copy(StoredObject from, String bucket, String key) {
        call(() -> client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(key)
                .source(CopySource.builder().bucket(from.bucket()).object(from.key()).build()).build()));
    }

    public void delete(StoredObject object) {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(object.bucket()).object(object.key()).build());
            return null;
        });
    }

    private static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    private static <T> T call(S3Call<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ObjectStoreException(e);
        }
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run() throws Exception;
    }

    /** The object store failed or is unreachable; the work is retried on the next poll. */
    public static class ObjectStoreException extends RuntimeException {
        public ObjectStoreException(Exception cause) {
            super("object store: " + cause.getMessage(), cause);
        }
    }
}
