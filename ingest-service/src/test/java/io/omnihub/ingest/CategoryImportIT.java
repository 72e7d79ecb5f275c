package io.omnihub.ingest;

import io.omnihub.testsupport.TestInfrastructure;
import java.util.UUID;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The categories flow on the embedded servers: in-process KRaft Kafka, mongo-java-server, S3Proxy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "omnihub.inbox.poll-interval=200ms"})
@AutoConfigureTestRestTemplate
@EmbeddedKafka(partitions = 3)
class CategoryImportIT extends CategoryImportContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("ingest-" + UUID.randomUUID()));
        registry.add("omnihub.s3.endpoint", TestInfrastructure::s3Endpoint);
        registry.add("omnihub.s3.access-key", () -> S3_ACCESS_KEY);
        registry.add("omnihub.s3.secret-key", () -> S3_SECRET_KEY);
    }
}
