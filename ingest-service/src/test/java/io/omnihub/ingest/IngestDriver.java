package io.omnihub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

/** Drives ingest-service the way an ERP does (S3 uploads, HTTP) and watches what it publishes on one topic. */
final class IngestDriver implements AutoCloseable {

    private final TestRestTemplate http;
    private final MinioClient s3;
    private final Consumer<String, byte[]> events;

    IngestDriver(TestRestTemplate http, String s3Endpoint, String accessKey, String secretKey,
            String bootstrapServers, String topic) {
        this.http = http;
        this.s3 = MinioClient.builder().endpoint(s3Endpoint).credentials(accessKey, secretKey).build();
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.events = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer();
        events.subscribe(List.of(topic));
    }

    @Override
    public void close() {
        events.close();
    }

    static HttpEntity<String> json(String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    void upload(String bucket, String key, byte[] content) throws Exception {
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1).build());
    }

    List<String> keys(String bucket, String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    List<JsonNode> jobsFor(String key) {
        JsonNode all = http.getForObject("/api/v1/imports?size=200", JsonNode.class);
        List<JsonNode> jobs = new ArrayList<>();
        all.forEach(job -> {
            if (job.path("objectKey").asString().equals(key)) {
                jobs.add(job);
            }
        });
        return jobs;
    }

    JsonNode awaitFinishedJobFor(String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jobsFor(key).stream().filter(IngestDriver::finished)
                .findFirst().orElse(null), job -> job != null);
    }

    JsonNode awaitFinished(String importId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/v1/imports/" + importId, JsonNode.class), IngestDriver::finished);
    }

    private static boolean finished(JsonNode job) {
        return !List.of("RECEIVED", "RUNNING").contains(job.path("state").asString());
    }

    /** The events of one import, once at least {@code expected} arrived, plus any that follow shortly. */
    List<ConsumerRecord<String, byte[]>> eventsOf(String importId, int expected) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            collect(importId, mine);
            assertThat(mine).hasSizeGreaterThanOrEqualTo(expected);
        });
        collect(importId, mine);
        return mine;
    }

    /** The events whose {@code ce_id} starts with one of the prefixes, once at least {@code expected} arrived. */
    List<ConsumerRecord<String, byte[]>> eventsOf(Collection<String> idPrefixes, int expected) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            collect(idPrefixes, mine);
            assertThat(mine).hasSizeGreaterThanOrEqualTo(expected);
        });
        collect(idPrefixes, mine);
        return mine;
    }

    private void collect(String importId, List<ConsumerRecord<String, byte[]>> into) {
        collect(List.of(importId), into);
    }

    private void collect(Collection<String> importIds, List<ConsumerRecord<String, byte[]>> into) {
        KafkaTestUtils.getRecords(events, Duration.ofMillis(500)).forEach(record -> {
            String id = header(record, "ce_id");
            if (importIds.stream().anyMatch(importId -> id.startsWith(importId + ":"))) {
                into.add(record);
            }
        });
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
