package io.omnihub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, capability 6: the ERP's request can be followed into the services. A push carries its
 * X-Correlation-Id onto its import job and onto every event the import publishes, markers included, although
 * the import runs later, on another thread.
 */
class CorrelationIdIT extends EmbeddedIngestTest {

    @Override
    String topic() {
        return Topics.INVENTORY_STOCK_UPDATES;
    }

    @Test
    void aFullStockPushCarriesItsCorrelationIdOntoTheJobEveryRowAndEveryMarker() {
        String correlationId = "erp-" + UUID.randomUUID();
        String body = """
                {"asOf": "2026-11-28T10:00:00-03:00", "items": [
                  {"ean": "7891000000007", "storeId": "LJ001", "quantity": 3},
                  {"ean": "7891000000014", "storeId": "LJ001", "quantity": 4},
                  {"ean": "7891000000021", "storeId": "LJ002", "quantity": 5}]}""";

        var response = post("/api/v1/stock?mode=full", json(body), MediaType.APPLICATION_JSON, correlationId);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(correlationId);
        String importId = response.getBody().path("importId").asString();
        JsonNode job = ingest.awaitFinished(importId);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("correlationId").asString()).isEqualTo(correlationId);
        var events = ingest.eventsOf(importId, 3 + 3);
        assertThat(events).hasSize(6).allSatisfy(event ->
                assertThat(IngestDriver.header(event, "correlation-id")).isEqualTo(correlationId));
    }

    @Test
    void aProductPushCarriesItsCorrelationIdOntoTheProductAndTheStockRidingInIt() {
        String correlationId = "erp-" + UUID.randomUUID();
        String body = """
                [{"reference": "C-1", "ean": "7891000000007", "name": "Camiseta", "price": 10,
                  "discountedPrice": 9, "storeId": "LJ001", "quantity": 2}]""";

        var response = post("/api/v1/products", json(body), MediaType.APPLICATION_JSON, correlationId);

        String importId = response.getBody().path("importId").asString();
        JsonNode job = ingest.awaitFinished(importId);
        assertThat(job.path("correlationId").asString()).isEqualTo(correlationId);
        assertThat(ingest.eventsOf(importId, 1)).singleElement().satisfies(stock ->
                assertThat(IngestDriver.header(stock, "correlation-id")).isEqualTo(correlationId));
        try (var products = new IngestDriver(http, TestInfrastructure.s3Endpoint(), TestInfrastructure.S3_ACCESS_KEY,
                TestInfrastructure.S3_SECRET_KEY, bootstrapServers, Topics.CATALOG_PRODUCTS)) {
            assertThat(products.eventsOf(importId, 1)).singleElement().satisfies(product ->
                    assertThat(IngestDriver.header(product, "correlation-id")).isEqualTo(correlationId));
        }
    }

    @Test
    void anUploadedFileCarriesTheCorrelationIdOfItsUpload() {
        String correlationId = "erp-" + UUID.randomUUID();
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(json("[{\"ean\": \"7891000000007\", \"storeId\": \"LJ003\", "
                + "\"quantity\": 1}]")) {
            @Override
            public String getFilename() {
                return "stock.json";
            }
        });
        parts.add("type", "stock-partial");

        var response = post("/api/v1/imports", parts, MediaType.MULTIPART_FORM_DATA, correlationId);

        String importId = response.getBody().path("importId").asString();
        assertThat(ingest.awaitFinished(importId).path("correlationId").asString()).isEqualTo(correlationId);
        assertThat(ingest.eventsOf(importId, 1)).singleElement().satisfies(stock ->
                assertThat(IngestDriver.header(stock, "correlation-id")).isEqualTo(correlationId));
    }

    private ResponseEntity<JsonNode> post(String path, Object body, MediaType type, String correlationId) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        headers.set("X-Correlation-Id", correlationId);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static byte[] json(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
