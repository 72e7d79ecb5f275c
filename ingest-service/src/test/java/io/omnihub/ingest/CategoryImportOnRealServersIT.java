package io.omnihub.ingest;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.omnihub.contracts.Buckets;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same contract against the production servers (Kafka, MongoDB replica set, MinIO), where Docker runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "omnihub.inbox.poll-interval=200ms")
@AutoConfigureTestRestTemplate
@Testcontainers(disabledWithoutDocker = true)
class CategoryImportOnRealServersIT extends CategoryImportContract {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    @Container
    static final MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z")
            .withUserName(S3_ACCESS_KEY).withPassword(S3_SECRET_KEY);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl("ingest"));
        registry.add("omnihub.s3.endpoint", minio::getS3URL);
        registry.add("omnihub.s3.access-key", () -> S3_ACCESS_KEY);
        registry.add("omnihub.s3.secret-key", () -> S3_SECRET_KEY);
    }

    @BeforeAll
    static void buckets() throws Exception {
        MinioClient client = MinioClient.builder().endpoint(minio.getS3URL())
                .credentials(S3_ACCESS_KEY, S3_SECRET_KEY).build();
        for (String bucket : Buckets.ALL) {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        }
    }
}
