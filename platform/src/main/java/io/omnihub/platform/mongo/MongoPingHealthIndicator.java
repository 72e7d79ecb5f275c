package io.omnihub.platform.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the MongoDB server answers {@code ping}. Boot's own indicator sends {@code hello}, which
 * mongo-java-server (the embedded default) does not know; {@code ping} works on every server.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;

    MongoPingHealthIndicator(MongoClient client) {
        super("MongoDB is not reachable");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up().withDetail("ping", answer.get("ok"));
    }
}
