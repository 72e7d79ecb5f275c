package io.omnihub.catalog;

import io.omnihub.contracts.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * Writes {@code catalog.products} as ingest does: JSON bytes keyed by reference, with the CloudEvents type in
 * the {@code ce_type} header (the wire names, not the contract classes, so that a renamed type fails here).
 */
final class ProductsTopic implements AutoCloseable {

    static final String PRODUCT_UPSERTED = "io.omnihub.catalog.product-upserted";
    static final String PHOTO_ATTACHED = "io.omnihub.catalog.photo-attached";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int partitions;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;

    ProductsTopic(EmbeddedKafkaBroker kafka, int partitions) {
        this.partitions = partitions;
        this.producers = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(kafka),
                new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    /** Sends a record of the given CloudEvents type; none when {@code type} is null. */
    void send(String key, String type, byte[] value) {
        template.send(record(null, key, type, value)).join();
    }

    /** Sends to the partition the key's records go to, as the default partitioner picks it. */
    void sendToPartitionOf(String partitionKey, String key, String type, byte[] value) {
        int partition = Utils.toPositive(Utils.murmur2(partitionKey.getBytes(StandardCharsets.UTF_8))) % partitions;
        template.send(record(partition, key, type, value)).join();
    }

    private static ProducerRecord<String, byte[]> record(Integer partition, String key, String type, byte[] value) {
        var record = new ProducerRecord<>(Topics.CATALOG_PRODUCTS, partition, key, value);
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** A product event as ingest writes it: every field present, the given ones overridden. */
    static byte[] product(String reference, Map<String, Object> overrides) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("reference", reference);
        event.put("ean", "7890000000000");
        event.put("name", "Produto " + reference);
        event.put("description", null);
        event.put("brand", "Marca");
        event.put("category", null);
        event.put("color", null);
        event.put("size", null);
        event.put("price", new BigDecimal("19.90"));
        event.put("discountedPrice", new BigDecimal("17.90"));
        event.put("photoUrls", List.of());
        event.put("active", true);
        event.put("attributes", Map.of());
        event.put("importId", "imp-it");
        event.put("row", 1);
        event.put("receivedAt", "2026-11-29T10:15:00Z");
        event.putAll(overrides);
        return JSON.writeValueAsBytes(event);
    }

    /** A photo event as ingest writes it, for the image at {@code omnihub-archive/<key>}. */
    static byte[] photo(String reference, int sequence, String key, long size, String receivedAt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("reference", reference);
        event.put("sequence", sequence);
        event.put("contentType", "image/png");
        event.put("size", size);
        event.put("bucket", "omnihub-archive");
        event.put("key", key);
        event.put("importId", key.substring(0, key.indexOf('/')));
        event.put("receivedAt", receivedAt);
        return JSON.writeValueAsBytes(event);
    }

    static byte[] json(Map<String, Object> event) {
        return JSON.writeValueAsBytes(event);
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
