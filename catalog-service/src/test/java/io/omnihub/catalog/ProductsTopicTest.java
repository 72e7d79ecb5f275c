package io.omnihub.catalog;

import io.omnihub.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** catalog-service on the embedded servers, fed on {@code catalog.products} the way ingest writes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "omnihub.kafka.retry.initial-interval=10ms", "omnihub.kafka.retry.max-interval=50ms"})
@AutoConfigureTestRestTemplate
@EmbeddedKafka(partitions = ProductsTopicTest.PARTITIONS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProductsTopicTest {

    static final int PARTITIONS = 3;
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("catalog-" + UUID.randomUUID()));
        registry.add("omnihub.s3.endpoint", TestInfrastructure::s3Endpoint);
        registry.add("omnihub.s3.access-key", () -> TestInfrastructure.S3_ACCESS_KEY);
        registry.add("omnihub.s3.secret-key", () -> TestInfrastructure.S3_SECRET_KEY);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EmbeddedKafkaBroker kafka;

    ProductsTopic topic;

    @BeforeAll
    void producer() {
        topic = new ProductsTopic(kafka, PARTITIONS);
    }

    @AfterAll
    void closeProducer() {
        topic.close();
    }
}
