package io.omnihub.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Bucket;
import io.omnihub.contracts.Buckets;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedS3Tests {

    @Test
    void createsTheBucketsOfTheDesign(@TempDir Path dir) throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(0, dir)) {

            assertThat(client(s3, EmbeddedS3.DEFAULT_SECRET_KEY).listBuckets()).extracting(Bucket::name)
                    .containsExactlyInAnyOrderElementsOf(Buckets.ALL);
        }
    }

    @Test
    void keepsObjectsAcrossRestartInTheSameDirectory(@TempDir Path dir) throws Exception {
        byte[] content = "Roupas > Camisetas".getBytes(StandardCharsets.UTF_8);
        try (EmbeddedS3 s3 = EmbeddedS3.start(0, dir)) {
            client(s3, EmbeddedS3.DEFAULT_SECRET_KEY).putObject(PutObjectArgs.builder()
                    .bucket(Buckets.INBOX).object("categories/categories 1.txt")
                    .stream(new ByteArrayInputStream(content), content.length, -1).build());
        }

        try (EmbeddedS3 restarted = EmbeddedS3.start(0, dir);
             InputStream object = client(restarted, EmbeddedS3.DEFAULT_SECRET_KEY).getObject(GetObjectArgs.builder()
                     .bucket(Buckets.INBOX).object("categories/categories 1.txt").build())) {

            assertThat(object.readAllBytes()).isEqualTo(content);
            assertThat(client(restarted, EmbeddedS3.DEFAULT_SECRET_KEY).listBuckets()).extracting(Bucket::name)
                    .containsExactlyInAnyOrderElementsOf(Buckets.ALL);
        }
    }

    @Test
    void rejectsAWrongSecretKey(@TempDir Path dir) {
        try (EmbeddedS3 s3 = EmbeddedS3.start(0, dir)) {

            assertThatThrownBy(() -> client(s3, "not-the-secret").listBuckets())
                    .isInstanceOf(ErrorResponseException.class);
        }
    }

    private static MinioClient client(EmbeddedS3 s3, String secretKey) {
        return MinioClient.builder().endpoint(s3.endpoint())
                .credentials(EmbeddedS3.DEFAULT_ACCESS_KEY, secretKey).build();
    }
}
