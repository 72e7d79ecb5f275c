package io.omnihub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.omnihub.contracts.Buckets;
import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.Fixtures;
import io.omnihub.testsupport.TestInfrastructure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The categories flow of ingest-service as a user sees it: files in the inbox and API pushes in, events on
 * Kafka, jobs and reports out. Run against the embedded servers ({@link CategoryImportIT}) and, where Docker
 * runs, against the production ones ({@link CategoryImportOnRealServersIT}).
 */
abstract class CategoryImportContract {

    static final String S3_ACCESS_KEY = TestInfrastructure.S3_ACCESS_KEY;
    static final String S3_SECRET_KEY = TestInfrastructure.S3_SECRET_KEY;

    @Autowired
    TestRestTemplate http;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${omnihub.s3.endpoint}")
    String s3Endpoint;

    private final JsonMapper json = JsonMapper.builder().build();
    private MinioClient s3;
    private Consumer<String, byte[]> events;

    @BeforeEach
    void subscribe() {
        s3 = MinioClient.builder().endpoint(s3Endpoint).credentials(S3_ACCESS_KEY, S3_SECRET_KEY).build();
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        events = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        events.subscribe(java.util.List.of(Topics.CATALOG_CATEGORIES));
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void categoriesFileDroppedInTheInboxIsPublishedArchivedAndRemoved() throws Exception {
        String key = "categories/erp-" + UUID.randomUUID() + ".xlsx";
        upload(key, Files.readAllBytes(Fixtures.path("categories.xlsx")));

        JsonNode job = awaitFinishedJobFor(key);

        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(10);
        List<ConsumerRecord<String, byte[]>> published = eventsOf(job.path("id").asString(), 10);
        assertThat(published).extracting(ConsumerRecord::key).contains("Roupas", "Roupas > Camisetas",
                "Acessórios > Óculos");
        ConsumerRecord<String, byte[]> camisetas = published.stream()
                .filter(record -> record.key().equals("Roupas > Camisetas")).findFirst().orElseThrow();
        assertThat(header(camisetas, "ce_type")).isEqualTo("io.omnihub.catalog.category-imported");
        assertThat(header(camisetas, "ce_id")).isEqualTo(job.path("id").asString() + ":5");
        assertThat(header(camisetas, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(camisetas, "ce_source")).isEqualTo("/omnihub/ingest-service");
        assertThat(camisetas.headers().lastHeader("__TypeId__")).isNull();
        assertThat(json.readTree(camisetas.value()).path("segments").toString()).isEqualTo("[\"Roupas\",\"Camisetas\"]");
        await().untilAsserted(() -> assertThat(keys(Buckets.INBOX, key)).isEmpty());
        assertThat(keys(Buckets.ARCHIVE, job.path("id").asString() + "/")).containsExactly(
                job.path("id").asString() + "/" + key);
    }

    @Test
    void postedJsonImportsItsGoodRowsAndReportsTheBadOnePerRow() {
        var response = http.postForEntity("/api/v1/categories",
                jsonRequest("[\"Casa > Cozinha\", \"Casa >  > Banho\", {\"path\": \"Casa > Quarto\"}, 42]"),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String importId = response.getBody().path("importId").asString();
        assertThat(response.getHeaders().getLocation()).hasPath("/api/v1/imports/" + importId);
        JsonNode job = awaitFinished(importId);
        assertThat(job.path("state").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(2);
        assertThat(job.path("rowsRejected").asLong()).isEqualTo(2);
        assertThat(job.path("firstErrors").get(0).path("row").asLong()).isEqualTo(2);
        assertThat(job.path("firstErrors").get(0).path("value").asString()).isEqualTo("Casa >  > Banho");
        assertThat(job.path("firstErrors").get(0).path("reason").asString()).contains("empty segment");
        assertThat(eventsOf(importId, 2)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("Casa > Cozinha", "Casa > Quarto");
        String csv = http.getForObject(job.path("report").path("csv").asString(), String.class);
        assertThat(csv.lines()).containsExactly("row,column,value,reason",
                "2,\"category\",\"Casa >  > Banho\",\"empty segment in category path (write it as 'A > B > C')\"",
                "4,\"path\",\"42\",\"a category path (text) is required\"");
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRejectedAsAWholeAndKeptInTheArchive() throws Exception {
        String key = "categories/not-excel-" + UUID.randomUUID() + ".xlsx";
        upload(key, "this is not a spreadsheet".getBytes(StandardCharsets.UTF_8));

        JsonNode job = awaitFinishedJobFor(key);

        assertThat(job.path("state").asString()).isEqualTo("REJECTED");
        assertThat(job.path("rejectionReason").asString()).contains("not an Excel");
        assertThat(keys(Buckets.ARCHIVE, job.path("id").asString() + "/")).hasSize(1);
    }

    @Test
    void theSameObjectUploadedTwiceIsImportedOnce() throws Exception {
        String key = "categories/twice-" + UUID.randomUUID() + ".json";
        byte[] content = "[\"Twice > Once\"]".getBytes(StandardCharsets.UTF_8);
        upload(key, content);
        JsonNode first = awaitFinishedJobFor(key);
        await().untilAsserted(() -> assertThat(keys(Buckets.INBOX, key)).isEmpty());

        upload(key, content);

        await().untilAsserted(() -> assertThat(keys(Buckets.INBOX, key)).isEmpty());
        assertThat(jobsFor(key)).hasSize(1);
        assertThat(eventsOf(first.path("id").asString(), 1)).hasSize(1);
    }

    @Test
    void postingSomethingOtherThanAListIsABadRequestInProblemJson() {
        var response = http.postForEntity("/api/v1/categories", jsonRequest("{\"name\": \"Roupas\"}"),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("detail").asString()).contains("JSON array");
    }

    @Test
    void anUnknownImportIsNotFound() {
        assertThat(http.getForEntity("/api/v1/imports/imp-nope", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private HttpEntity<String> jsonRequest(String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private void upload(String key, byte[] content) throws Exception {
        s3.putObject(PutObjectArgs.builder().bucket(Buckets.INBOX).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1).build());
    }

    private List<String> keys(String bucket, String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    private List<JsonNode> jobsFor(String key) {
        JsonNode all = http.getForObject("/api/v1/imports?kind=CATEGORIES&size=200", JsonNode.class);
        List<JsonNode> jobs = new ArrayList<>();
        all.forEach(job -> {
            if (job.path("objectKey").asString().equals(key)) {
                jobs.add(job);
            }
        });
        return jobs;
    }

    private JsonNode awaitFinishedJobFor(String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jobsFor(key).stream()
                .filter(job -> !List.of("RECEIVED", "RUNNING").contains(job.path("state").asString())).findFirst()
                .orElse(null), job -> job != null);
    }

    private JsonNode awaitFinished(String importId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/v1/imports/" + importId, JsonNode.class),
                job -> !List.of("RECEIVED", "RUNNING").contains(job.path("state").asString()));
    }

    /** The events of one import, once at least {@code expected} of them arrived. */
    private List<ConsumerRecord<String, byte[]>> eventsOf(String importId, int expected) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            KafkaTestUtils.getRecords(events, Duration.ofMillis(500)).forEach(record -> {
                if (header(record, "ce_id").startsWith(importId + ":")) {
                    mine.add(record);
                }
            });
            assertThat(mine).hasSizeGreaterThanOrEqualTo(expected);
        });
        // nothing more than expected arrives for this import
        KafkaTestUtils.getRecords(events, Duration.ofMillis(500)).forEach(record -> {
            if (header(record, "ce_id").startsWith(importId + ":")) {
                mine.add(record);
            }
        });
        return mine;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

}
