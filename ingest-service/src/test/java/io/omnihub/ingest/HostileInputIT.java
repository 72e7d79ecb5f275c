package io.omnihub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Buckets;
import io.omnihub.contracts.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8, capability 3: the hostile corpus ({@code src/test/resources/hostile/} plus what {@link HostileFiles}
 * makes at test time) fed through every entry point. Each input gets its exact outcome (a REJECTED job with its
 * reason, a COMPLETED_WITH_ERRORS job with row, column and reason, or a 400/413/415 problem+json naming where),
 * and after each one the service is healthy and a good file imports.
 *
 * <p>It shares the context of the other ingest ITs ({@link EmbeddedIngestTest} sets the 1 MB push and 2 MB
 * upload limits): a second context would poll the same S3 inbox and take other classes' files. The large-file
 * case reads {@value #BIG_ROWS} rows; with {@code -Domnihub.hostile.long=true} it reads a
 * million (see the README).
 */
class HostileInputIT extends EmbeddedIngestTest {

    static final int BIG_ROWS = 200_000;
    private static final boolean LONG = Boolean.getBoolean("omnihub.hostile.long");

    @Override
    String topic() {
        return Topics.CATALOG_PRODUCTS;
    }

    @AfterEach
    void theServiceStaysHealthyAndTheNextGoodFileImports() throws Exception {
        var health = http.getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asString()).isEqualTo("UP");

        JsonNode job = importFile("products/good-" + UUID.randomUUID() + ".xlsx", HostileFiles.corpus("good-products.xlsx"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(2);
        assertThat(ingest.eventsOf(job.path("id").asString(), 2)).hasSize(2);
    }

    static Stream<Arguments> unreadableFiles() {
        return Stream.of(
                file("not-a-spreadsheet.pdf", "products/", "a PDF, not an Excel (.xlsx, .xls) or JSON file"),
                file("empty.xlsx", "products/", "the file is empty"),
                file("products.csv", "products/", "not an Excel (.xlsx, .xls) or JSON file"),
                file("not-a-workbook.xlsx", "products/", "cannot read the .xlsx file"),
                file("header-only-stock.xlsx", "stock/full/", "the file has no stock rows"),
                file("blank-rows-products.xlsx", "products/", "the file has no product rows"),
                file("empty-items.json", "products/", "the file has no product rows"),
                file("wrong-columns-products.xlsx", "products/",
                        "missing required columns: reference, ean, name, price, discounted_price"),
                file("field-twice-stock.xlsx", "stock/partial/", "columns 'EAN' and 'GTIN' both mean ean; keep one"),
                generated("wrong-columns-stock.xls", "stock/full/", () -> HostileFiles.xls(List.of(
                        List.of("Produto", "Qtd"), List.of("Camiseta", 3))), "missing required columns: ean, store"),
                generated("header-only-categories.xls", "categories/", () -> HostileFiles.xls(List.of(
                        List.of("Categoria"))), "the file has no categories"),
                generated("bomb.xlsx", "products/", () -> HostileFiles.ratioBomb(64L * 1024 * 1024),
                        "refused as a zip bomb: part xl/worksheets/sheet1.xml expands"),
                generated("lying-bomb.xlsx", "stock/partial/", () -> HostileFiles.lyingBomb(64L * 1024 * 1024, 1000),
                        "refused as a zip bomb: part xl/worksheets/sheet1.xml expands beyond the 1000 bytes its "
                                + "directory declares"),
                file("billion-laughs.xlsx", "products/",
                        "refused: part xl/sharedStrings.xml declares a DOCTYPE (a spreadsheet has none"),
                file("truncated.json", "products/", "invalid JSON (line 2, column"),
                file("deep.json", "products/", "JSON refused: Document nesting depth (501) exceeds the maximum "
                        + "allowed (500"),
                file("deep-in-item.json", "products/", "JSON refused"),
                file("deep.json", "categories/", "JSON refused"),
                file("latin1-products.json", "products/", "the JSON is not UTF-8 text (save it as UTF-8)"),
                file("wrong-shape.json", "products/", "JSON object without an \"items\" array"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("unreadableFiles")
    void aFileThatCannotBeReadIsRejectedWholeWithItsReasonAndArchived(String name, String prefix,
            Supplier<byte[]> content, String reason) throws Exception {
        JsonNode job = importFile(prefix + UUID.randomUUID() + "-" + name, content.get());

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("REJECTED");
        assertThat(job.path("rejectionReason").asString()).startsWith(reason);
        assertThat(job.path("rowsAccepted").asLong()).isZero();
        assertThat(ingest.keys(Buckets.ARCHIVE, job.path("archive").asString())).hasSize(1);
    }

    @Test
    void aSheetThatBreaksHalfwayIsRejectedSayingWhichRowsBeforeTheBreakWereImported() throws Exception {
        JsonNode job = importFile("products/" + UUID.randomUUID() + ".xlsx",
                HostileFiles.corpus("broken-halfway-products.xlsx"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("REJECTED");
        assertThat(job.path("rejectionReason").asString()).startsWith("cannot read the .xlsx file")
                .endsWith("(after 2 rows: 2 imported, 0 rejected)");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(2);
        assertThat(ingest.eventsOf(job.path("id").asString(), 2)).extracting(record -> record.key())
                .containsExactlyInAnyOrder("H-90", "H-91");
    }

    @Test
    void cellsOfMegabytesAreRowErrorsWithTheirValueClipped() throws Exception {
        JsonNode job = importFile("products/" + UUID.randomUUID() + ".xlsx",
                HostileFiles.corpus("huge-cells-products.xlsx"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(1);
        assertThat(errors(job)).containsExactly(
                "2|name|longer than 300 characters",
                "3|ean|longer than 14 characters",
                "3|ean|EAN must have 8, 12, 13 or 14 digits, not 40000",
                "3|Observação|longer than 1000 characters");
        assertThat(job.path("firstErrors")).allSatisfy(error -> assertThat(error.path("value").asString().length())
                .isLessThanOrEqualTo(201));
    }

    @Test
    void aRowWithHundredsOfCustomColumnsIsRefusedBeforeItOutgrowsAKafkaRecord() throws Exception {
        JsonNode job = importFile("products/" + UUID.randomUUID() + ".xlsx",
                HostileFiles.corpus("too-many-attributes-products.xlsx"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(1);
        assertThat(errors(job)).containsExactly("2|attributes|300 custom attributes; at most 100");
    }

    @Test
    void numbersOutOfRangeInASheetAreRowErrorsNotABillionDigits() throws Exception {
        JsonNode job = importFile("stock/partial/" + UUID.randomUUID() + ".xlsx",
                HostileFiles.corpus("numbers-stock.xlsx"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(1);
        assertThat(errors(job)).containsExactly(
                "2|quantity|more than 1000000000 units",
                "3|quantity|more than 1000000000 units",
                "4|quantity|negative quantity: the ERP reports units on hand",
                "5|quantity|not a whole number of units",
                "7|ean|EAN must contain digits only");
        assertThat(job.path("firstErrors").get(0).path("value").asString()).isEqualTo("1E999999999");
    }

    @Test
    void invalidEansAreRowErrorsEachWithItsReason() throws Exception {
        JsonNode job = importFile("stock/partial/" + UUID.randomUUID() + ".xlsx",
                HostileFiles.corpus("invalid-eans-stock.xlsx"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(1);
        assertThat(errors(job)).containsExactly(
                "2|ean|invalid EAN check digit (expected 7)",
                "3|ean|EAN must contain digits only",
                "4|ean|EAN must have 8, 12, 13 or 14 digits, not 6",
                "5|ean|EAN must contain digits only",
                "6|ean|ean is required");
    }

    @Test
    void jsonNumbersOutOfRangeAndWrongTypesAreFieldErrorsOfTheirItem() throws Exception {
        JsonNode job = importFile("stock/partial/" + UUID.randomUUID() + ".json",
                HostileFiles.corpus("numbers-stock.json"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(1);
        assertThat(errors(job)).containsExactlyElementsOf(NUMBERS_STOCK_ERRORS);
        assertThat(job.path("firstErrors").get(0).path("value").asString()).isEqualTo("1E+400");
    }

    private static final List<String> NUMBERS_STOCK_ERRORS = List.of(
            "1|quantity|more than 1000000000 units",
            "2|quantity|more than 1000000000 units",
            "3|quantity|negative quantity: the ERP reports units on hand",
            "4|quantity|not a whole number of units",
            "5|quantity|not a number",
            "6|quantity|not a number",
            "7|quantity|not a number",
            "8|store|a store id is 1 to 32 letters, digits, '.', '_' or '-'",
            "9|quantity|not a whole number of units",
            "10|item|each item must be an object");

    @Test
    void invalidEansAndPricesOfJsonProductsAreFieldErrors() throws Exception {
        JsonNode job = importFile("products/" + UUID.randomUUID() + ".json",
                HostileFiles.corpus("invalid-eans-products.json"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(1);
        assertThat(errors(job)).containsExactly(
                "1|ean|invalid EAN check digit (expected 7)",
                "2|ean|EAN must have 8, 12, 13 or 14 digits, not 11",
                "3|price|not a number (write 129.90 or 129,90)",
                "4|price|too large",
                "4|discounted_price|must be positive");
    }

    @Test
    void utf16JsonIsReadLikeUtf8() throws Exception {
        JsonNode job = importFile("products/" + UUID.randomUUID() + ".json", HostileFiles.corpus("utf16-products.json"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        JsonNode product = json.readTree(ingest.eventsOf(job.path("id").asString(), 1).get(0).value());
        assertThat(product.path("name").asString()).isEqualTo("Calção São João");
    }

    @Test
    void anExternalEntityInASheetIsNeitherReadNorFetched(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-" + UUID.randomUUID());
        try (var listener = new ServerSocket(0)) {
            listener.setSoTimeout(1);
            for (String systemId : List.of(secret.toUri().toString(),
                    "http://127.0.0.1:" + listener.getLocalPort() + "/entity")) {
                JsonNode job = importFile("products/" + UUID.randomUUID() + ".xlsx",
                        HostileFiles.externalEntity(systemId));

                assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("REJECTED");
                assertThat(job.path("rejectionReason").asString()).isEqualTo("refused: part xl/worksheets/sheet1.xml "
                        + "declares a DOCTYPE (a spreadsheet has none; its entities are never read)");
                assertThat(job.toString()).doesNotContain(Files.readString(secret));
            }
            assertThat(accepted(listener)).as("a connection to the entity's URL").isFalse();
        }
    }

    /**
     * Keys with literal {@code .} or {@code ..} segments cannot be written through the MinIO client (it refuses
     * them) nor reach S3 unnormalised; {@code ArchiveKeysTests} covers them. A file-system S3 backend also caps
     * each segment at 255 bytes, so the long key is long by its many segments.
     */
    static Stream<String> pathLikeKeys() {
        return Stream.of("products/%2e%2e/%2e%2e/x-" + UUID.randomUUID(),
                "products/..%2f..%2f" + UUID.randomUUID() + ".xlsx",
                "products/" + (UUID.randomUUID() + "-" + "a".repeat(60) + "/").repeat(10) + "x.xlsx",
                "products/ctl\u0001\u001f\u007f-" + UUID.randomUUID() + ".xlsx",
                "products/back\\..\\slash-" + UUID.randomUUID() + ".xlsx");
    }

    @ParameterizedTest
    @MethodSource("pathLikeKeys")
    void aPathLikeObjectNameIsImportedAndArchivedUnderItsImportOnly(String key) throws Exception {
        List<String> archivedBefore = ingest.keys(Buckets.ARCHIVE, "");

        JsonNode job = importFile(key, HostileFiles.corpus("good-products.xlsx"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("objectKey").asString()).isEqualTo(key);
        String archive = job.path("archive").asString();
        assertThat(archive).startsWith(job.path("id").asString() + "/").doesNotContain("/../", "/./", "\\")
                .doesNotContainPattern("\\p{Cntrl}");
        assertThat(archive.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        List<String> archivedNow = new ArrayList<>(ingest.keys(Buckets.ARCHIVE, ""));
        archivedNow.removeAll(archivedBefore);
        assertThat(archivedNow).containsExactly(archive);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ingest.keys(Buckets.INBOX, ""))
                .doesNotContain(key));
    }

    // ---- the REST pushes

    @Test
    void aPushNestedTenThousandDeepIsA400NamingWhereItBroke() {
        var response = push("/api/v1/products", HostileFiles.corpus("deep-in-item.json"), MediaType.APPLICATION_JSON);

        assertProblem(response, HttpStatus.BAD_REQUEST, "JSON refused");
        assertThat(field(response)).startsWith("/0/attributes/a/0/0/0");
    }

    static Stream<Arguments> malformedPushes() {
        return Stream.of(
                Arguments.of("deep.json", "JSON refused: Document nesting depth (501) exceeds the maximum allowed (500",
                        "/0/0/0"),
                Arguments.of("truncated.json", "invalid JSON (line 2, column", "/1/ean"),
                Arguments.of("latin1-products.json", "the JSON is not UTF-8 text (save it as UTF-8)", "/0/name"),
                Arguments.of("wrong-shape.json", "expected a JSON array of items, or {\"items\": [...]}", "/items"),
                Arguments.of("empty-items.json", "no items: nothing to import", "/items"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPushes")
    void aMalformedPushIsA400ProblemNamingTheField(String name, String detail, String field) {
        var response = push("/api/v1/products", HostileFiles.corpus(name), MediaType.APPLICATION_JSON);

        assertProblem(response, HttpStatus.BAD_REQUEST, detail);
        assertThat(field(response)).startsWith(field);
    }

    @Test
    void contentAfterThePushedValueIsA400() {
        var response = push("/api/v1/stock", "[{\"ean\": \"7891000000007\"}] [1]".getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON);

        assertProblem(response, HttpStatus.BAD_REQUEST, "more content after the JSON value");
    }

    @Test
    void aPushLargerThanTheLimitIsA413() {
        byte[] body = ("[{\"name\": \"" + "x".repeat(1_100_000) + "\"}]").getBytes(StandardCharsets.UTF_8);

        var response = push("/api/v1/products", body, MediaType.APPLICATION_JSON);

        assertProblem(response, HttpStatus.CONTENT_TOO_LARGE, "the body is larger than 1048576 bytes");
    }

    @Test
    void aPushOfAnotherMediaTypeIsA415() {
        var response = push("/api/v1/products", "reference;ean\n1;2".getBytes(StandardCharsets.UTF_8),
                MediaType.TEXT_PLAIN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void pushedNumbersOutOfRangeNegativeAndFractionalQuantitiesAreFieldErrorsOfTheJob() {
        var response = push("/api/v1/stock?mode=partial", HostileFiles.corpus("numbers-stock.json"),
                MediaType.APPLICATION_JSON);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode job = ingest.awaitFinished(response.getBody().path("importId").asString());
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(errors(job)).containsExactlyElementsOf(NUMBERS_STOCK_ERRORS);
    }

    @Test
    void aPushedStringOfAlmostAMegabyteIsAFieldErrorOfItsItem() {
        byte[] body = ("[{\"reference\": \"H-80\", \"ean\": \"7891000000007\", \"name\": \"" + "x".repeat(900_000)
                + "\", \"price\": 10, \"discountedPrice\": 9}]").getBytes(StandardCharsets.UTF_8);

        var response = push("/api/v1/products", body, MediaType.APPLICATION_JSON);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode job = ingest.awaitFinished(response.getBody().path("importId").asString());
        assertThat(errors(job)).containsExactly("1|name|longer than 300 characters");
    }

    @Test
    void anUploadThatIsNotASpreadsheetIsA415AndAnEmptyOneA400() {
        var pdf = upload("/api/v1/imports?type=products", "x.pdf", HostileFiles.corpus("not-a-spreadsheet.pdf"));
        var empty = upload("/api/v1/imports?type=stock-full", "x.xlsx", new byte[0]);

        assertProblem(pdf, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a PDF, not an Excel (.xlsx, .xls) or JSON file");
        assertProblem(empty, HttpStatus.BAD_REQUEST, "the file is empty");
    }

    @Test
    void anUploadLargerThanTheLimitIsA413() {
        var response = upload("/api/v1/products", "big.xlsx", new byte[3 * 1024 * 1024]);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // ---- a large file

    @Test
    void aFileOfHundredsOfThousandsOfRowsImportsWithItsBadRowsReported(@TempDir Path dir) throws Exception {
        int rows = LONG ? 1_000_000 : BIG_ROWS;
        int badEvery = 10_000;
        Path file = HostileFiles.stockSheet(dir.resolve("big.xlsx"), rows, badEvery);
        long before = endOffsets(Topics.INVENTORY_STOCK_UPDATES);
        String key = "stock/partial/big-" + UUID.randomUUID() + ".xlsx";

        ingest.upload(Buckets.INBOX, key, Files.readAllBytes(file));
        JsonNode job = await().atMost(Duration.ofMinutes(LONG ? 60 : 15)).pollInterval(Duration.ofSeconds(2))
                .until(() -> ingest.jobsFor(key).stream().filter(j -> !j.path("state").asString().equals("RUNNING")
                        && !j.path("state").asString().equals("RECEIVED")).findFirst().orElse(null), j -> j != null);

        forgetRecordsOf(Topics.INVENTORY_STOCK_UPDATES);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsRead").asLong()).isEqualTo(rows);
        assertThat(job.path("rowsRejected").asLong()).isEqualTo(rows / badEvery);
        assertThat(job.path("firstErrors").get(0).path("row").asLong()).isEqualTo(badEvery + 1);
        assertThat(endOffsets(Topics.INVENTORY_STOCK_UPDATES) - before).isEqualTo(rows - rows / badEvery);
    }

    // ---- helpers

    private static Arguments file(String name, String prefix, String reason) {
        return Arguments.of(name, prefix, (Supplier<byte[]>) () -> HostileFiles.corpus(name), reason);
    }

    private static Arguments generated(String name, String prefix, Supplier<byte[]> content, String reason) {
        return Arguments.of(name, prefix, content, reason);
    }

    private JsonNode importFile(String key, byte[] content) throws Exception {
        ingest.upload(Buckets.INBOX, key, content);
        return ingest.awaitFinishedJobFor(key);
    }

    /** {@code row|column|reason} of each error the job shows. */
    private static List<String> errors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.path("firstErrors").forEach(error -> errors.add(error.path("row").asLong() + "|"
                + error.path("column").asString() + "|" + error.path("reason").asString()));
        return errors;
    }

    private ResponseEntity<JsonNode> push(String path, byte[] body, MediaType type) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> upload(String path, String name, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity(path, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().path("detail").asString()).startsWith(detail);
    }

    private static String field(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").path(0).path("field").asString();
    }

    private static boolean accepted(ServerSocket listener) throws IOException {
        try (var ignored = listener.accept()) {
            return true;
        } catch (SocketTimeoutException none) {
            return false;
        }
    }

    /**
     * Deletes the topic's records so far: the other ITs share this broker and read their events from the
     * earliest offset, which hundreds of thousands of rows would bury (their end offsets stay as they are).
     */
    private void forgetRecordsOf(String topic) throws Exception {
        try (var admin = Admin.create(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers)); var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, RecordsToDelete> before = new java.util.HashMap<>();
            consumer.endOffsets(partitions).forEach((partition, end) -> before.put(partition,
                    RecordsToDelete.beforeOffset(end)));
            admin.deleteRecords(before).all().get(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    private long endOffsets(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
