package io.omnihub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.Topics;
import io.omnihub.platform.kafka.InvalidEventException;
import io.omnihub.testsupport.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The product side end to end: real JSON on {@code catalog.products} in, the products API out. */
class ProductEventsIT extends ProductsTopicTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theProducersGoldenEventBecomesAProductInItsCategory() {
        send("1001", Golden.bytes("catalog.products/product-upserted.json"));

        ResponseEntity<String> response = awaitProduct("1001");
        JsonNode product = JSON.readTree(response.getBody());

        assertThat(product.path("reference").asString()).isEqualTo("1001");
        assertThat(product.path("ean").asString()).isEqualTo("7891000000007");
        assertThat(product.path("name").asString()).isEqualTo("Camiseta Aurora Azul");
        assertThat(product.path("description").asString())
                .isEqualTo("Peça 1 da coleção verão, confortável e durável");
        assertThat(product.path("brand").asString()).isEqualTo("Aurora");
        assertThat(product.path("category").path("id").asString()).isEqualTo("roupas.camisetas");
        assertThat(product.path("category").path("path").asString()).isEqualTo("Roupas > Camisetas");
        assertThat(product.path("color").asString()).isEqualTo("Azul");
        assertThat(product.path("size").asString()).isEqualTo("P");
        // numbers, not strings, and exactly the decimals that were sent
        assertThat(response.getBody()).contains("\"price\":333.14", "\"discountedPrice\":299.9");
        assertThat(product.path("photoUrls").get(0).asString())
                .isEqualTo("https://cdn.example-loja.com.br/img/1001-1.jpg");
        assertThat(product.path("photos").isArray()).isTrue();
        assertThat(product.path("photos")).isEmpty();
        assertThat(product.path("active").asBoolean()).isTrue();
        assertThat(product.path("attributes").path("Material").asString()).isEqualTo("Algodão");
        assertThat(product.path("updatedAt").asString()).isNotBlank();
        assertThat(product.path("source").path("importId").asString()).isEqualTo("imp-01JDZ3Q8W6");
        assertThat(product.path("source").path("row").asLong()).isEqualTo(2);
        JsonNode tree = http.getForObject("/api/v1/categories", JsonNode.class);
        assertThat(tree.findValues("id")).extracting(JsonNode::asString).contains("roupas", "roupas.camisetas");
    }

    @Test
    void anOlderUpdateArrivingAfterANewerOneChangesNothing() {
        send("ST-1", event("ST-1", Map.of("name", "Nova", "receivedAt", "2026-12-01T10:00:00Z", "row", 1)));
        awaitName("ST-1", "Nova");

        sendInOrderAndWait("ST-1", event("ST-1", Map.of("name", "Velha", "receivedAt", "2026-11-30T10:00:00Z",
                "row", 99)));

        JsonNode product = product("ST-1");
        assertThat(product.path("name").asString()).isEqualTo("Nova");
        assertThat(product.path("source").path("row").asLong()).isEqualTo(1);

        send("ST-1", event("ST-1", Map.of("name", "Nova, linha 2", "receivedAt", "2026-12-01T10:00:00Z", "row", 2)));
        awaitName("ST-1", "Nova, linha 2");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        byte[] once = event("RD-1", Map.of("name", "Uma vez", "row", 4));
        send("RD-1", once);
        String updatedAt = awaitName("RD-1", "Uma vez").path("updatedAt").asString();

        sendInOrderAndWait("RD-1", once);

        assertThat(product("RD-1").path("updatedAt").asString()).isEqualTo(updatedAt);
    }

    @Test
    void filtersByCategoryWithItsSubcategoriesBrandStateAndText() {
        send("F-001", event("F-001", Map.of("name", "Camiseta Básica Branca", "brand", "Lumen",
                "category", "Moda > Camisetas", "ean", "5550000000011")));
        send("F-002", event("F-002", Map.of("name", "Camiseta Manga Longa", "brand", "LUMEN",
                "category", "Moda > Camisetas > Manga Longa", "ean", "5550000000028")));
        send("F-003", event("F-003", Map.of("name", "Calça Jeans", "brand", "Boreal",
                "category", "Moda > Calças", "active", false, "ean", "5550000000035")));
        send("F-004", event("F-004", Map.of("name", "Caneca Térmica", "brand", "Boreal",
                "category", "Utilidades", "ean", "5550000000042")));
        send("F-005", event("F-005", Map.of("name", "Meia Ação", "brand", "Lúmen", "ean", "5550000000059")));
        await().atMost(PATIENCE).until(() -> references("text=f-00").size() == 5);

        assertThat(references("category=moda")).containsExactly("F-001", "F-002", "F-003");
        assertThat(references("category=moda.camisetas")).containsExactly("F-001", "F-002");
        assertThat(references("category=moda.camisetas&includeSubcategories=false")).containsExactly("F-001");
        assertThat(references("brand=lumen")).containsExactly("F-001", "F-002", "F-005");
        assertThat(references("category=moda&active=false")).containsExactly("F-003");
        assertThat(references("brand=Boreal&active=true")).containsExactly("F-004");
        assertThat(references("text=BASICA")).containsExactly("F-001");
        assertThat(references("text=longa  camiseta")).containsExactly("F-002");
        assertThat(references("text=camiseta&category=moda")).containsExactly("F-001", "F-002");
        assertThat(references("text=acao")).containsExactly("F-005");
        assertThat(references("text=5550000000035")).containsExactly("F-003");
        assertThat(references("text=555000000004")).containsExactly("F-004");
        assertThat(references("text=.*")).isEmpty();
        assertThat(references("category=nada")).isEmpty();
    }

    @Test
    void paginatesSortedByReference() {
        for (String reference : List.of("PG-05", "PG-03", "PG-01", "PG-04", "PG-02")) {
            send(reference, event(reference, Map.of("category", "Paginação")));
        }
        await().atMost(PATIENCE).until(() -> page("category=paginacao").path("totalItems").asLong() == 5);

        JsonNode first = page("category=paginacao&size=2");
        JsonNode last = page("category=paginacao&size=2&page=2");
        JsonNode beyond = page("category=paginacao&size=2&page=3");

        assertThat(first.path("items").findValues("reference")).extracting(JsonNode::asString)
                .containsExactly("PG-01", "PG-02");
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("totalItems").asLong()).isEqualTo(5);
        assertThat(first.path("totalPages").asLong()).isEqualTo(3);
        assertThat(last.path("items").findValues("reference")).extracting(JsonNode::asString)
                .containsExactly("PG-05");
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("totalItems").asLong()).isEqualTo(5);
    }

    @Test
    void afterAMoveAProductOfTheMovedCategoryCountsUnderItsNewAncestor() {
        send("MV-1", event("MV-1", Map.of("category", "Inverno > Casacos")));
        send("MV-2", event("MV-2", Map.of("category", "Inverno > Gorros")));
        send("MV-3", event("MV-3", Map.of("category", "Liquidação")));
        await().atMost(PATIENCE).until(() -> references("text=mv-").size() == 3);
        assertThat(references("category=liquidacao")).containsExactly("MV-3");

        ResponseEntity<JsonNode> moved = move("inverno.casacos", "{\"parentId\": \"liquidacao\"}");

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody().path("path").asString()).isEqualTo("Liquidação > Casacos");
        assertThat(references("category=liquidacao")).containsExactly("MV-1", "MV-3");
        assertThat(references("category=inverno")).containsExactly("MV-2");
        assertThat(product("MV-1").path("category").path("path").asString()).isEqualTo("Liquidação > Casacos");

        ResponseEntity<JsonNode> backToRoot = move("inverno.casacos", "{\"parentId\": null}");

        assertThat(backToRoot.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(backToRoot.getBody().path("parentId").isNull()).isTrue();
        assertThat(references("category=liquidacao")).containsExactly("MV-3");
        assertThat(references("category=inverno.casacos")).containsExactly("MV-1");
    }

    @Test
    void refusesMovesThatWouldMakeACycleOrNameUnknownCategories() {
        send("CY-1", event("CY-1", Map.of("category", "Ciclo > Filho > Neto")));
        awaitProduct("CY-1");

        assertProblem(move("ciclo", "{\"parentId\": \"ciclo.filho.neto\"}"), HttpStatus.CONFLICT);
        assertProblem(move("ciclo", "{\"parentId\": \"ciclo\"}"), HttpStatus.CONFLICT);
        assertProblem(move("ciclo.filho", "{\"parentId\": \"nao-existe\"}"), HttpStatus.BAD_REQUEST);
        assertProblem(move("nao-existe", "{\"parentId\": null}"), HttpStatus.NOT_FOUND);
        assertThat(references("category=ciclo")).containsExactly("CY-1");
    }

    @Test
    void answersProblemJsonForAnUnknownProductAndABadPage() {
        ResponseEntity<JsonNode> unknown = http.getForEntity("/api/v1/products/NAO-EXISTE", JsonNode.class);
        ResponseEntity<JsonNode> badSize = http.getForEntity("/api/v1/products?size=0", JsonNode.class);

        assertProblem(unknown, HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("detail").asString()).contains("NAO-EXISTE");
        assertProblem(badSize, HttpStatus.BAD_REQUEST);
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.path("paths").has("/api/v1/products")).isTrue();
        assertThat(api.path("paths").has("/api/v1/products/{reference}")).isTrue();
        assertThat(api.path("paths").has("/api/v1/categories/{id}/parent")).isTrue();
    }

    @Test
    void anEventWithoutAReferenceGoesToTheDeadLetterTopic() {
        ConsumerRecord<String, byte[]> dead = deadLetterOf(() -> send("sem-referencia", event("", Map.of())),
                "sem-referencia");

        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(InvalidEventException.class.getName());
    }

    @Test
    void aRecordWithoutCloudEventsTypeGoesToTheDeadLetterTopicAtOnceSayingSo() {
        ConsumerRecord<String, byte[]> dead = deadLetterOf(
                () -> topic.send("SEM-TIPO", null, event("SEM-TIPO", Map.of())), "SEM-TIPO");

        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(
                "org.springframework.kafka.support.converter.ConversionException");
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("without a known ce_type");
        assertThat(product("SEM-TIPO")).isNull();
    }

    @Test
    void aBadRecordAmidGoodOnesGoesToTheDeadLetterTopicAndTheGoodOnesAroundItAreStored() {
        String partitionKey = "LOTE-0";
        List<String> before = List.of("LOTE-1", "LOTE-2", "LOTE-3");
        List<String> after = List.of("LOTE-4", "LOTE-5");

        ConsumerRecord<String, byte[]> dead = deadLetterOf(() -> {
            before.forEach(reference -> topic.sendToPartitionOf(partitionKey, reference,
                    ProductsTopic.PRODUCT_UPSERTED, event(reference, Map.of())));
            topic.sendToPartitionOf(partitionKey, "LOTE-RUIM", ProductsTopic.PRODUCT_UPSERTED, event("", Map.of()));
            after.forEach(reference -> topic.sendToPartitionOf(partitionKey, reference,
                    ProductsTopic.PRODUCT_UPSERTED, event(reference, Map.of())));
        }, "LOTE-RUIM");

        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(InvalidEventException.class.getName());
        before.forEach(this::awaitProduct);
        after.forEach(this::awaitProduct);
    }

    @Test
    void anEventOfATypeThisTopicDoesNotCarryGoesToTheDeadLetterTopic() {
        ConsumerRecord<String, byte[]> dead = deadLetterOf(() -> topic.send("OUTRO-TIPO",
                "io.omnihub.catalog.category-imported", Golden.bytes("catalog.categories/category-imported.json")),
                "OUTRO-TIPO");

        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(InvalidEventException.class.getName());
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("io.omnihub.catalog.category-imported");
    }

    private ConsumerRecord<String, byte[]> deadLetterOf(Runnable sending, String key) {
        return DeadLetters.of(kafka.getBrokersAsString(), Topics.CATALOG_PRODUCTS, key, PATIENCE, sending);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] event(String reference, Map<String, Object> overrides) {
        return ProductsTopic.product(reference, overrides);
    }

    private void send(String key, byte[] value) {
        topic.send(key, ProductsTopic.PRODUCT_UPSERTED, value);
    }

    /**
     * Sends the event to its key's partition followed by a marker product in the same partition, and waits
     * for the marker: records of a partition are handled in order, so the event has been handled too.
     */
    private void sendInOrderAndWait(String key, byte[] value) {
        String marker = "MARK-" + UUID.randomUUID();
        topic.sendToPartitionOf(key, key, ProductsTopic.PRODUCT_UPSERTED, value);
        topic.sendToPartitionOf(key, marker, ProductsTopic.PRODUCT_UPSERTED, event(marker, Map.of()));
        awaitProduct(marker);
    }

    private ResponseEntity<String> awaitProduct(String reference) {
        return await().atMost(PATIENCE).until(() -> http.getForEntity("/api/v1/products/" + reference, String.class),
                response -> response.getStatusCode().is2xxSuccessful());
    }

    private JsonNode awaitName(String reference, String name) {
        return await().atMost(PATIENCE).until(() -> product(reference),
                product -> product != null && name.equals(product.path("name").asString()));
    }

    private JsonNode product(String reference) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/products/" + reference, JsonNode.class);
        return response.getStatusCode().is2xxSuccessful() ? response.getBody() : null;
    }

    private JsonNode page(String query) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/products?" + query, JsonNode.class);
        assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<String> references(String query) {
        List<String> references = new ArrayList<>();
        page(query + "&size=200").path("items").forEach(item -> references.add(item.path("reference").asString()));
        return references;
    }

    private ResponseEntity<JsonNode> move(String id, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/v1/categories/" + id + "/parent", HttpMethod.PUT, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(response.getHeaders().getContentType())).isTrue();
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().path("detail").asString()).isNotBlank();
    }
}
