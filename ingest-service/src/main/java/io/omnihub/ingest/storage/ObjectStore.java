package io.omnihub.ingest.storage;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
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
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The S3 API as ingest uses it: list, read, write, archive. Works against MinIO, S3Proxy or AWS S3. */
@Component
public class ObjectStore {

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

    public StoredObject put(String bucket, String key, byte[] content, String contentType) {
        return call(() -> {
            var response = client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(content), content.length, -1).contentType(contentType).build());
            return new StoredObject(bucket, key, unquote(response.etag()), content.length);
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
