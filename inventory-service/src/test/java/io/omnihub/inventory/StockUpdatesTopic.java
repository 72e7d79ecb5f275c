package io.omnihub.inventory;

import io.omnihub.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code inventory.stock-updates} as ingest does: JSON bytes keyed {@code storeId:ean}, markers sent to
 * each partition explicitly, the CloudEvents type in {@code ce_type} (the wire names, not the contract classes,
 * so that a renamed type fails here).
 */
final class StockUpdatesTopic implements AutoCloseable {

    static final String STOCK_LEVEL_REPORTED = "io.omnihub.inventory.stock-level-reported";
    static final String STOCK_SNAPSHOT_COMPLETED = "io.omnihub.inventory.stock-snapshot-completed";
    static final int PARTITIONS = 3;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;

    StockUpdatesTopic(EmbeddedKafkaBroker kafka) {
        this.producers = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(kafka),
                new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    /** The partition the default partitioner gives a key. */
    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** Sends to the key's partition a record of the given CloudEvents type; none when {@code type} is null. */
    void send(String key, String type, byte[] value) {
        sendTo(partitionOf(key), key, type, value);
    }

    void sendTo(int partition, String key, String type, byte[] value) {
        sendTo(partition, key, type, value, null);
    }

    /** As ingest sends it for an import (or a stock push) with the given correlation id; none when null. */
    void sendTo(int partition, String key, String type, byte[] value, String correlationId) {
        var record = new ProducerRecord<>(Topics.INVENTORY_STOCK_UPDATES, partition, key, value);
        if (correlationId != null) {
            record.headers().add("correlation-id", correlationId.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add("ce_id", (key + ":" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/omnihub/ingest-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        template.send(record).join();
    }

    /** Sends a figure to its pair's partition. */
    void figure(Figure figure) {
        send(figure.key(), STOCK_LEVEL_REPORTED, figure.json());
    }

    /** Sends a figure to its pair's partition, with the correlation id of the import that read it. */
    void figure(Figure figure, String correlationId) {
        sendTo(figure.partition(), figure.key(), STOCK_LEVEL_REPORTED, figure.json(), correlationId);
    }

    /** Sends the snapshot's marker to {@code partition}, keyed by the import id as ingest does. */
    void marker(String snapshotId, List<String> storeIds, Instant asOf, int partition, long rowsInPartition) {
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("snapshotId", snapshotId);
        marker.put("importId", snapshotId);
        marker.put("storeIds", storeIds);
        marker.put("asOf", asOf.toString());
        marker.put("partition", partition);
        marker.put("partitions", PARTITIONS);
        marker.put("rowsInPartition", rowsInPartition);
        sendTo(partition, snapshotId, STOCK_SNAPSHOT_COMPLETED, JSON.writeValueAsBytes(marker));
    }

    @Override
    public void close() {
        producers.destroy();
    }

    /** A {@code stock-level-reported} event as ingest writes it. */
    record Figure(String storeId, String ean, long quantity, Instant asOf, String snapshotId, String importId,
            long row, Instant receivedAt) {

        static Figure partial(String storeId, String ean, long quantity, Instant asOf, String importId, long row) {
            return new Figure(storeId, ean, quantity, asOf, null, importId, row, asOf.plusSeconds(60));
        }

        static Figure full(String storeId, String ean, long quantity, Instant asOf, String snapshotId, long row) {
            return new Figure(storeId, ean, quantity, asOf, snapshotId, snapshotId, row, asOf);
        }

        String key() {
            return storeId + ":" + ean;
        }

        int partition() {
            return partitionOf(key());
        }

        byte[] json() {
            return json(Map.of());
        }

        byte[] json(Map<String, Object> overrides) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("storeId", storeId);
            event.put("ean", ean);
            event.put("quantity", quantity);
            event.put("asOf", asOf.toString());
            event.put("mode", snapshotId == null ? "PARTIAL" : "FULL");
            event.put("snapshotId", snapshotId);
            event.put("importId", importId);
            event.put("row", row);
            event.put("receivedAt", receivedAt.toString());
            event.putAll(overrides);
            return JSON.writeValueAsBytes(event);
        }
    }
}
