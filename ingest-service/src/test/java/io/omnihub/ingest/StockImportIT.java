package io.omnihub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.Buckets;
import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Stock files and pushes into inventory.stock-updates: rows keyed store:EAN, full snapshots closed on every partition. */
class StockImportIT extends EmbeddedIngestTest {

    @Override
    String topic() {
        return Topics.INVENTORY_STOCK_UPDATES;
    }

    @Test
    void aFullSnapshotIsPublishedByPairThenClosedOnEveryPartitionWithItsRowCount() throws Exception {
        String key = "stock/full/" + UUID.randomUUID() + ".xlsx";
        ingest.upload(Buckets.INBOX, key, Fixtures.bytes("stock-full.xlsx"));

        JsonNode job = ingest.awaitFinishedJobFor(key);

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(150);
        String importId = job.path("id").asString();
        List<ConsumerRecord<String, byte[]>> events = ingest.eventsOf(importId, 153);
        List<ConsumerRecord<String, byte[]>> rows = ofType(events, "io.omnihub.inventory.stock-level-reported");
        List<ConsumerRecord<String, byte[]>> ends = ofType(events, "io.omnihub.inventory.stock-snapshot-completed");
        assertThat(rows).hasSize(150).allSatisfy(record -> {
            JsonNode row = json.readTree(record.value());
            assertThat(record.key()).isEqualTo(row.path("storeId").asString() + ":" + row.path("ean").asString());
            assertThat(row.path("mode").asString()).isEqualTo("FULL");
            assertThat(row.path("snapshotId").asString()).isEqualTo(importId);
        });
        JsonNode first = json.readTree(rows.stream().filter(r -> r.key().equals("LJ001:7891000000007")).findFirst()
                .orElseThrow().value());
        assertThat(first.path("quantity").asLong()).isZero();
        assertThat(ends).extracting(ConsumerRecord::partition).containsExactlyInAnyOrder(0, 1, 2);
        long counted = 0;
        for (ConsumerRecord<String, byte[]> end : ends) {
            JsonNode marker = json.readTree(end.value());
            assertThat(marker.path("partitions").asInt()).isEqualTo(3);
            assertThat(marker.path("partition").asInt()).isEqualTo(end.partition());
            assertThat(marker.path("storeIds").toString()).isEqualTo("[\"LJ001\",\"LJ002\",\"LJ003\"]");
            long inPartition = rows.stream().filter(row -> row.partition() == end.partition()).count();
            assertThat(marker.path("rowsInPartition").asLong()).isEqualTo(inPartition);
            assertThat(end.offset()).isGreaterThan(rows.stream().filter(row -> row.partition() == end.partition())
                    .mapToLong(ConsumerRecord::offset).max().orElse(-1));
            counted += inPartition;
        }
        assertThat(counted).isEqualTo(150);
    }

    @Test
    void aPartialUpdateTakesTheFilesAsOfTime() {
        var response = http.postForEntity("/api/v1/stock?mode=partial",
                IngestDriver.json(new String(Fixtures.bytes("stock-partial.json"), StandardCharsets.UTF_8)),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String importId = response.getBody().path("importId").asString();
        assertThat(ingest.awaitFinished(importId).path("rowsAccepted").asLong()).isEqualTo(10);
        List<ConsumerRecord<String, byte[]>> events = ingest.eventsOf(importId, 10);
        assertThat(events).hasSize(10).allSatisfy(record -> {
            JsonNode row = json.readTree(record.value());
            assertThat(row.path("mode").asString()).isEqualTo("PARTIAL");
            assertThat(row.path("asOf").asString()).isEqualTo("2026-11-28T17:30:00Z");
            assertThat(row.path("storeId").asString()).isEqualTo("LJ002");
        });
    }

    @Test
    void aStoreWithABadRowInAFullSnapshotIsNotWipedOut() {
        String body = """
                {"items": [
                  {"ean": "7891000000007", "storeId": "LJ001", "quantity": 4},
                  {"ean": "7891000000007", "storeId": "LJ002", "quantity": 3},
                  {"ean": "7891000007914", "storeId": "LJ002", "quantity": -1}
                ]}""";

        String importId = http.postForEntity("/api/v1/stock?mode=full", IngestDriver.json(body), JsonNode.class)
                .getBody().path("importId").asString();

        JsonNode job = ingest.awaitFinished(importId);
        assertThat(job.path("state").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("firstErrors").get(0).path("reason").asString())
                .isEqualTo("negative quantity: the ERP reports units on hand");
        List<ConsumerRecord<String, byte[]>> ends = ofType(ingest.eventsOf(importId, 5),
                "io.omnihub.inventory.stock-snapshot-completed");
        assertThat(ends).hasSize(3).allSatisfy(end -> assertThat(json.readTree(end.value()).path("storeIds")
                .toString()).isEqualTo("[\"LJ001\"]"));
    }

    @Test
    void stockRidingInAProductFileIsPublishedAsPartialLevelsAsOfTheFilesReceipt() {
        String body = """
                {"items": [
                  {"reference": "3001", "ean": "7891000000007", "name": "Com estoque", "price": 10,
                   "discountedPrice": 9, "storeId": "LJ001", "quantity": 7},
                  {"reference": "3002", "ean": "7891000007914", "name": "Sem estoque", "price": 10,
                   "discountedPrice": 9},
                  {"reference": "3003", "ean": "7891000000014", "name": "Loja sem quantidade", "price": 10,
                   "discountedPrice": 9, "storeId": "LJ002"}
                ]}""";

        String importId = http.postForEntity("/api/v1/products", IngestDriver.json(body), JsonNode.class).getBody()
                .path("importId").asString();

        JsonNode job = ingest.awaitFinished(importId);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(2);
        assertThat(job.path("firstErrors").get(0).path("reason").asString()).isEqualTo("a store needs its quantity");
        List<ConsumerRecord<String, byte[]>> levels = ingest.eventsOf(importId, 1);
        assertThat(levels).hasSize(1);
        assertThat(levels.get(0).key()).isEqualTo("LJ001:7891000000007");
        JsonNode level = json.readTree(levels.get(0).value());
        assertThat(level.path("mode").asString()).isEqualTo("PARTIAL");
        assertThat(level.path("quantity").asLong()).isEqualTo(7);
        assertThat(level.path("snapshotId").isNull()).isTrue();
        assertThat(Instant.parse(level.path("asOf").asString()))
                .isEqualTo(Instant.parse(job.path("receivedAt").asString()));
    }

    @Test
    void anUnknownModeIsABadRequest() {
        var response = http.postForEntity("/api/v1/stock?mode=sometimes", IngestDriver.json("[]"), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static List<ConsumerRecord<String, byte[]>> ofType(List<ConsumerRecord<String, byte[]>> events,
            String type) {
        return events.stream().filter(record -> IngestDriver.header(record, "ce_type").equals(type)).toList();
    }
}
