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
    private IngestDriver ingest;

    @BeforeEach
    void connect() {
        ingest = new IngestDriver(http, s3Endpoint, S3_ACCESS_KEY, S3_SECRET_KEY, bootstrapServers,
                Topics.CATALOG_CATEGORIES);
    }

    @AfterEach
    void close() {
        ingest.close();
    }

    @Test
    void categoriesFileDroppedInTheInboxIsPublishedArchivedAndRemoved() throws Exception {
        String key = "categories/erp-" + UUID.randomUUID() + ".xlsx";
        ingest.upload(Buckets.INBOX, key, Files.readAllBytes(Fixtures.path("categories.xlsx")));

        JsonNode job = ingest.awaitFinishedJobFor(key);

        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(10);
        List<ConsumerRecord<String, byte[]>> published = ingest.eventsOf(job.path("id").asString(), 10);
        assertThat(published).extracting(ConsumerRecord::key).contains("Roupas", "Roupas > Camisetas",
                "Acessórios > Óculos");
        ConsumerRecord<String, byte[]> camisetas = published.stream()
                .filter(record -> record.key().equals("Roupas > Camisetas")).findFirst().orElseThrow();
        assertThat(IngestDriver.header(camisetas, "ce_type")).isEqualTo("io.omnihub.catalog.category-imported");
        assertThat(IngestDriver.header(camisetas, "ce_id")).isEqualTo(job.path("id").asString() + ":5");
        assertThat(IngestDriver.header(camisetas, "ce_specversion")).isEqualTo("1.0");
        assertThat(IngestDriver.header(camisetas, "ce_source")).isEqualTo("/omnihub/ingest-service");
        assertThat(camisetas.headers().lastHeader("__TypeId__")).isNull();
        assertThat(json.readTree(camisetas.value()).path("segments").toString()).isEqualTo("[\"Roupas\",\"Camisetas\"]");
        await().untilAsserted(() -> assertThat(ingest.keys(Buckets.INBOX, key)).isEmpty());
        assertThat(ingest.keys(Buckets.ARCHIVE, job.path("id").asString() + "/")).containsExactly(
                job.path("id").asString() + "/" + key);
    }

    @Test
    void postedJsonImportsItsGoodRowsAndReportsTheBadOnePerRow() {
        var response = http.postForEntity("/api/v1/categories",
                IngestDriver.json("[\"Casa > Cozinha\", \"Casa >  > Banho\", {\"path\": \"Casa > Quarto\"}, 42]"),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String importId = response.getBody().path("importId").asString();
        assertThat(response.getHeaders().getLocation()).hasPath("/api/v1/imports/" + importId);
        JsonNode job = ingest.awaitFinished(importId);
        assertThat(job.path("state").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(2);
        assertThat(job.path("rowsRejected").asLong()).isEqualTo(2);
        assertThat(job.path("firstErrors").get(0).path("row").asLong()).isEqualTo(2);
        assertThat(job.path("firstErrors").get(0).path("value").asString()).isEqualTo("Casa >  > Banho");
        assertThat(job.path("firstErrors").get(0).path("reason").asString()).contains("empty segment");
        assertThat(ingest.eventsOf(importId, 2)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("Casa > Cozinha", "Casa > Quarto");
        String csv = http.getForObject(job.path("report").path("csv").asString(), String.class);
        assertThat(csv.lines()).containsExactly("row,column,value,reason",
                "2,\"category\",\"Casa >  > Banho\",\"empty segment in category path (write it as 'A > B > C')\"",
                "4,\"path\",\"42\",\"a category path (text) is required\"");
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRejectedAsAWholeAndKeptInTheArchive() throws Exception {
        String key = "categories/not-excel-" + UUID.randomUUID() + ".xlsx";
        ingest.upload(Buckets.INBOX, key, "this is not a spreadsheet".getBytes(StandardCharsets.UTF_8));

        JsonNode job = ingest.awaitFinishedJobFor(key);

        assertThat(job.path("state").asString()).isEqualTo("REJECTED");
        assertThat(job.path("rejectionReason").asString()).contains("not an Excel");
        assertThat(ingest.keys(Buckets.ARCHIVE, job.path("id").asString() + "/")).hasSize(1);
    }

    @Test
    void theSameObjectUploadedTwiceIsImportedOnce() throws Exception {
        String key = "categories/twice-" + UUID.randomUUID() + ".json";
        byte[] content = "[\"Twice > Once\"]".getBytes(StandardCharsets.UTF_8);
        ingest.upload(Buckets.INBOX, key, content);
        JsonNode first = ingest.awaitFinishedJobFor(key);
        await().untilAsserted(() -> assertThat(ingest.keys(Buckets.INBOX, key)).isEmpty());

        ingest.upload(Buckets.INBOX, key, content);

        await().untilAsserted(() -> assertThat(ingest.keys(Buckets.INBOX, key)).isEmpty());
        assertThat(ingest.jobsFor(key)).hasSize(1);
        assertThat(ingest.eventsOf(first.path("id").asString(), 1)).hasSize(1);
    }

    @Test
    void postingSomethingOtherThanAListIsABadRequestInProblemJson() {
        var response = http.postForEntity("/api/v1/categories", IngestDriver.json("{\"name\": \"Roupas\"}"),
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
}
