package io.omnihub.order.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.omnihub.order.PlainMongo;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The unique write keys of the version before lose their indexes at start-up; every other index stays. */
class RetiredIndexesIT {

    @Test
    void dropsTheRevisionAndVersionKeyIndexesAndKeepsTheOthers() {
        try (PlainMongo mongo = PlainMongo.open("orders-retired-indexes-it")) {
            // given the indexes the version before created on orders and availability
            var orders = mongo.template().getCollection("orders");
            var availability = mongo.template().getCollection("availability");
            orders.createIndex(Indexes.ascending("channelKey"), new IndexOptions().unique(true));
            orders.createIndex(Indexes.ascending("revisionKey"), new IndexOptions().unique(true).sparse(true));
            availability.createIndex(Indexes.ascending("versionKey"), new IndexOptions().unique(true).sparse(true));
            RetiredIndexes retired = new RetiredIndexes(mongo.template());

            // when the service starts, twice
            int first = retired.drop();
            int again = retired.drop();

            // then the two were dropped once, and the unique channel key stays
            assertThat(first).isEqualTo(2);
            assertThat(again).isZero();
            assertThat(keys(orders.listIndexes())).containsExactlyInAnyOrder("_id", "channelKey");
            assertThat(keys(availability.listIndexes())).containsExactly("_id");
        }
    }

    @Test
    void startsOnADatabaseWithoutThoseCollections() {
        try (PlainMongo mongo = PlainMongo.open("orders-retired-indexes-empty-it")) {
            assertThat(new RetiredIndexes(mongo.template()).drop()).isZero();
        }
    }

    private static List<String> keys(Iterable<Document> indexes) {
        List<String> keys = new ArrayList<>();
        indexes.forEach(index -> keys.add(String.join(",", index.get("key", Document.class).keySet())));
        return keys;
    }
}
