package io.omnihub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTests {

    @Test
    void keepsDocumentsAcrossRestartWhenBackedByAFile(@TempDir Path dir) {
        Path file = dir.resolve("mongo").resolve("omnihub.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(mongo.connectionString("catalog"))) {
            products(client).insertOne(new Document("_id", "3266").append("name", "Camiseta básica"));
        }

        try (EmbeddedMongo restarted = EmbeddedMongo.start(0, file);
             MongoClient client = MongoClients.create(restarted.connectionString("catalog"))) {

            assertThat(products(client).find(new Document("_id", "3266")).first())
                    .containsEntry("name", "Camiseta básica");
        }
    }

    @Test
    void startsEmptyInMemoryWithoutAFile() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
             MongoClient client = MongoClients.create(mongo.connectionString("catalog"))) {

            assertThat(mongo.port()).isPositive();
            assertThat(mongo.connectionString("catalog")).isEqualTo("mongodb://127.0.0.1:" + mongo.port() + "/catalog");
            assertThat(products(client).countDocuments()).isZero();
        }
    }

    @Test
    void answersTheHelloCommandOfSpringBootsHealthCheck() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
             MongoClient client = MongoClients.create(mongo.connectionString("catalog"))) {

            Document reply = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(reply.get("ok")).isIn(1, 1.0);
            assertThat(reply).containsEntry("isWritablePrimary", true).containsKey("maxWireVersion");
        }
    }

    private static MongoCollection<Document> products(MongoClient client) {
        return client.getDatabase("catalog").getCollection("products");
    }
}
