package io.omnihub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.minio.GetObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.messages.Bucket;
import io.omnihub.contracts.Buckets;
import java.io.InputStream;
import java.util.ServiceLoader;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

class TestInfrastructureTests {

    @Test
    void sharesOneMongoServerPerJvmWithSeparateDatabases() {
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri("catalog"))) {
            client.getDatabase("catalog").getCollection("products").insertOne(new Document("_id", "3266"));

            assertThat(TestInfrastructure.mongo()).isSameAs(TestInfrastructure.mongo());
            assertThat(TestInfrastructure.mongoUri("orders"))
                    .isEqualTo("mongodb://127.0.0.1:" + TestInfrastructure.mongo().port() + "/orders");
            assertThat(client.getDatabase("orders").getCollection("products").countDocuments()).isZero();
        }
    }

    @Test
    void s3HasTheBucketsOfTheDesignAndTakesAFixture() throws Exception {
        var s3 = TestInfrastructure.s3Client();

        s3.uploadObject(UploadObjectArgs.builder().bucket(Buckets.INBOX).object("categories/categories.xlsx")
                .filename(Fixtures.path("categories.xlsx").toString()).build());

        assertThat(s3.listBuckets()).extracting(Bucket::name).containsAll(Buckets.ALL);
        try (InputStream stored = s3.getObject(GetObjectArgs.builder().bucket(Buckets.INBOX)
                .object("categories/categories.xlsx").build())) {
            assertThat(stored.readAllBytes()).isEqualTo(Fixtures.bytes("categories.xlsx"));
        }
    }

    @Test
    void bringsNeitherALoggingBackendNorAJettyOfItsOwn() {
        // the services log through Boot's Logback, which must stay the only SLF4J provider on their test classpath
        assertThat(ServiceLoader.load(SLF4JServiceProvider.class)).isEmpty();
        assertThat(getClass().getClassLoader().getResource("org/eclipse/jetty/server/Server.class")).isNull();
        assertThat(getClass().getClassLoader().getResource("org/apache/logging/log4j/core/Logger.class")).isNull();
    }
}
