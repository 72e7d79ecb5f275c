package io.omnihub.catalog.photo;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads photos' images from the S3 API (MinIO, S3Proxy or AWS S3); the catalog never writes there. */
@Component
public class PhotoStore {

    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchBucket");

    private final MinioClient client;

    PhotoStore(S3Properties properties) {
        this.client = MinioClient.builder().endpoint(properties.endpoint())
                .credentials(properties.accessKey(), properties.secretKey()).build();
    }

    /** Opens the image for streaming, without reading it into memory. */
    public PhotoContent open(PhotoFile file) {
        GetObjectResponse response;
        try {
            response = client.getObject(GetObjectArgs.builder().bucket(file.bucket()).object(file.key()).build());
        } catch (ErrorResponseException e) {
            if (MISSING.contains(e.errorResponse().code())) {
                throw new PhotoMissingException(file.bucket(), file.key());
            }
            throw new PhotoStoreException(e);
        } catch (Exception e) {
            throw new PhotoStoreException(e);
        }
        return new PhotoContent(response, length(response, file));
    }

    // the bytes S3 sends are what the response announces; the size ingest saw is only the fallback
    private static long length(GetObjectResponse response, PhotoFile file) {
        String header = response.headers().get("Content-Length");
        try {
            return header == null ? file.size() : Long.parseLong(header);
        } catch (NumberFormatException e) {
            return file.size();
        }
    }
}
