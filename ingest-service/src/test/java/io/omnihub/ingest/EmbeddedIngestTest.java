package io.omnihub.ingest;

import io.omnihub.testsupport.TestInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * ingest-service on the embedded servers (in-process KRaft Kafka, mongo-java-server, S3Proxy), driven like
 * an ERP drives it and watched on the topic {@link #topic()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "omnihub.inbox.poll-interval=200ms",
                // low limits, so that HostileInputIT proves the 413s without megabytes; one context for all the
                // classes: a second ingest polling the same S3 inbox would take their files
                "omnihub.inbox.max-push-size=1MB", "spring.servlet.multipart.max-file-size=2MB",
                "spring.servlet.multipart.max-request-size=2MB"})
@AutoConfigureTestRestTemplate
@EmbeddedKafka(partitions = 3)
abstract class EmbeddedIngestTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("ingest-" + UUID.randomUUID()));
        registry.add("omnihub.s3.endpoint", TestInfrastructure::s3Endpoint);
        registry.add("omnihub.s3.access-key", () -> TestInfrastructure.S3_ACCESS_KEY);
        registry.add("omnihub.s3.secret-key", () -> TestInfrastructure.S3_SECRET_KEY);
    }

    @Autowired
    TestRestTemplate http;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    final JsonMapper json = JsonMapper.builder().build();
    IngestDriver ingest;

    /** The topic whose events the test reads. */
    abstract String topic();

    @BeforeEach
    void connect() {
        ingest = new IngestDriver(http, TestInfrastructure.s3Endpoint(), TestInfrastructure.S3_ACCESS_KEY,
                TestInfrastructure.S3_SECRET_KEY, bootstrapServers, topic());
    }

    @AfterEach
    void close() {
        ingest.close();
    }
}
