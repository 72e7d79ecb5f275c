package io.omnihub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.Buckets;
import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/** Products through each entry point: Excel and legacy Excel in the inbox, JSON pushed to the API. */
class ProductImportIT extends EmbeddedIngestTest {

    @Override
    String topic() {
        return Topics.CATALOG_PRODUCTS;
    }

    @Test
    void theLibreOfficeProductFileImportsEveryProductWithExactEansPricesAndPhotos() throws Exception {
        Map<String, JsonNode> products = importFixture("products.xlsx", 50);

        JsonNode aurora = products.get("1001");
        assertThat(aurora.path("ean").asString()).isEqualTo("7891000000007");
        assertThat(aurora.path("name").asString()).isEqualTo("Camiseta Aurora Azul");
        assertThat(aurora.path("category").asString()).isEqualTo("Roupas > Camisetas");
        assertThat(aurora.path("price").decimalValue()).isEqualByComparingTo("333.14");
        assertThat(aurora.path("photoUrls").get(0).asString()).isEqualTo("https://cdn.example-loja.com.br/img/1001-1.jpg");
        assertThat(aurora.path("active").asBoolean()).isTrue();
        assertThat(products.get("1002").path("discountedPrice").decimalValue()).isEqualByComparingTo("342.10");
        assertThat(products.values()).allSatisfy(product -> assertThat(product.path("ean").asString()).matches("\\d{13}"));
    }

    @Test
    void theLegacyXlsFileGivesTheSameProductsAsTheXlsx() throws Exception {
        Map<String, JsonNode> legacy = importFixture("products-legacy.xls", 50);
        Map<String, JsonNode> modern = importFixture("products.xlsx", 50);

        for (String reference : modern.keySet()) {
            for (String field : List.of("ean", "name", "brand", "category", "color", "size", "active", "photoUrls")) {
                assertThat(legacy.get(reference).path(field)).as(reference + " " + field)
                        .isEqualTo(modern.get(reference).path(field));
            }
            assertThat(legacy.get(reference).path("price").decimalValue())
                    .isEqualByComparingTo(modern.get(reference).path("price").decimalValue());
            assertThat(legacy.get(reference).path("discountedPrice").decimalValue())
                    .isEqualByComparingTo(modern.get(reference).path("discountedPrice").decimalValue());
        }
    }

    @Test
    void productsPushedAsJsonGoThroughTheSamePipeline() throws Exception {
        var response = http.postForEntity("/api/v1/products",
                IngestDriver.json(new String(Fixtures.bytes("products.json"), StandardCharsets.UTF_8)), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String importId = response.getBody().path("importId").asString();
        JsonNode job = ingest.awaitFinished(importId);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(20);
        assertThat(job.path("objectKey").asString()).startsWith("products/api-");
        assertThat(ingest.eventsOf(importId, 20)).hasSize(20);
    }

    @Test
    void badItemsAreReportedPerFieldAndTheGoodOnesStillImport() {
        String body = """
                {"items": [
                  {"reference": "2001", "ean": "7891000000007", "name": "Boa", "price": "129,90",
                   "discountedPrice": 99.9, "attributes": {"Material": "Algodão"}, "Coleção": "Verão"},
                  {"reference": "2002", "ean": "7891000000008", "name": "Ruim", "price": 10, "discountedPrice": 12},
                  "not an object"
                ]}""";

        String importId = http.postForEntity("/api/v1/products", IngestDriver.json(body), JsonNode.class).getBody()
                .path("importId").asString();

        JsonNode job = ingest.awaitFinished(importId);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(1);
        assertThat(job.path("rowsRejected").asLong()).isEqualTo(2);
        String csv = http.getForObject(job.path("report").path("csv").asString(), String.class);
        assertThat(csv.lines()).containsExactly("row,column,value,reason",
                "2,\"ean\",\"7891000000008\",\"invalid EAN check digit (expected 7)\"",
                "2,\"discounted_price\",\"12\",\"discounted price 12.00 is above the price 10.00\"",
                "3,\"item\",\"\"\"not an object\"\"\",\"each item must be an object\"");
        JsonNode good = json.readTree(ingest.eventsOf(importId, 1).get(0).value());
        assertThat(good.path("price").decimalValue()).isEqualByComparingTo("129.90");
        assertThat(good.path("attributes").path("Material").asString()).isEqualTo("Algodão");
        assertThat(good.path("attributes").path("Coleção").asString()).isEqualTo("Verão");
    }

    @Test
    void aSheetWithoutTheProductColumnsIsRejectedNamingWhatIsMissing() {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(Fixtures.bytes("categories.xlsx")) {
            @Override
            public String getFilename() {
                return "categories.xlsx";
            }
        });
        parts.add("type", "products");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        var response = http.postForEntity("/api/v1/imports", new HttpEntity<>(parts, headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode job = ingest.awaitFinished(response.getBody().path("importId").asString());
        assertThat(job.path("state").asString()).isEqualTo("REJECTED");
        assertThat(job.path("rejectionReason").asString()).startsWith(
                "missing required columns: reference, ean, name, price, discounted_price");
    }

    @Test
    void anUnknownImportTypeIsABadRequest() {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(new byte[] {'[', ']'}) {
            @Override
            public String getFilename() {
                return "x.json";
            }
        });
        parts.add("type", "photos");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        var response = http.postForEntity("/api/v1/imports", new HttpEntity<>(parts, headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("detail").asString()).contains("categories, products, stock-full");
    }

    @Test
    void aPhotoNamedByReferenceAndSequenceIsArchivedAndAttachedToItsProduct() throws Exception {
        String key = "photos/" + UUID.randomUUID().toString().substring(0, 8) + "/1001 2.png";
        ingest.upload(Buckets.INBOX, key, Fixtures.bytes("photos/1001 2.png"));

        JsonNode job = ingest.awaitFinishedJobFor(key);

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        ConsumerRecord<String, byte[]> record = ingest.eventsOf(job.path("id").asString(), 1).get(0);
        assertThat(record.key()).isEqualTo("1001");
        assertThat(IngestDriver.header(record, "ce_type")).isEqualTo("io.omnihub.catalog.photo-attached");
        JsonNode photo = json.readTree(record.value());
        assertThat(photo.path("sequence").asInt()).isEqualTo(2);
        assertThat(photo.path("contentType").asString()).isEqualTo("image/png");
        assertThat(photo.path("bucket").asString()).isEqualTo(Buckets.ARCHIVE);
        assertThat(ingest.keys(Buckets.ARCHIVE, photo.path("key").asString())).containsExactly(photo.path("key")
                .asString());
    }

    @Test
    void somethingThatIsNotAnImageIsRejectedEvenWithAPhotoName() throws Exception {
        String key = "photos/" + UUID.randomUUID().toString().substring(0, 8) + "/1001 3.jpg";
        ingest.upload(Buckets.INBOX, key, "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));

        JsonNode job = ingest.awaitFinishedJobFor(key);

        assertThat(job.path("state").asString()).isEqualTo("REJECTED");
        assertThat(job.path("rejectionReason").asString()).isEqualTo("not a JPEG, PNG, WebP or GIF image");
    }

    private Map<String, JsonNode> importFixture(String fixture, int expected) throws Exception {
        String key = "products/" + UUID.randomUUID() + "-" + fixture;
        ingest.upload(Buckets.INBOX, key, Fixtures.bytes(fixture));
        JsonNode job = ingest.awaitFinishedJobFor(key);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(expected);
        List<ConsumerRecord<String, byte[]>> events = ingest.eventsOf(job.path("id").asString(), expected);
        assertThat(events).hasSize(expected);
        return events.stream().collect(Collectors.toMap(ConsumerRecord::key, record -> json.readTree(record.value())));
    }

}
