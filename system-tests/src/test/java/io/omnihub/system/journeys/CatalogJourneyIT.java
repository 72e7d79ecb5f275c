package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.omnihub.contracts.Buckets;
import io.omnihub.localstack.LocalStack;
import io.omnihub.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog load of an ERP, through every entry point: categories and products as files in the inbox
 * (Excel and legacy Excel), products pushed as JSON through the gateway, photos named by reference; then
 * the catalog read back through the gateway as a sales channel would.
 */
class CatalogJourneyIT {

    static LocalStack stack;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void up() {
        stack = EmbeddedStack.get();
    }

    @Test
    void theErpsCatalogShowsUpThroughTheGatewayWithExactEansPricesCategoriesAndPhotos() throws Exception {
        MinioClient s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY).build();
        upload(s3, "categories/catalog-journey.xlsx", Fixtures.bytes("categories.xlsx"));
        upload(s3, "products/catalog-journey.xlsx", Fixtures.bytes("products.xlsx"));
        for (String photo : List.of("1001 1.png", "1001 2.png", "1004 1.png")) {
            upload(s3, "photos/" + photo, Fixtures.bytes("photos/" + photo));
        }
        HttpResponse<String> pushed = send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("products.json"))));
        assertThat(pushed.statusCode()).isEqualTo(202);

        JsonNode aurora = await().atMost(Duration.ofSeconds(90)).until(() -> product("1001"),
                product -> product != null && product.path("photos").size() == 2);

        assertThat(aurora.path("ean").asString()).isEqualTo("7891000000007");
        assertThat(aurora.path("name").asString()).isEqualTo("Camiseta Aurora Azul");
        assertThat(aurora.path("price").decimalValue()).isEqualByComparingTo("333.14");
        assertThat(aurora.path("discountedPrice").decimalValue()).isEqualByComparingTo("333.14");
        assertThat(aurora.path("category").path("path").toString()).contains("Roupas", "Camisetas");
        assertThat(aurora.path("photoUrls").get(0).asString()).isEqualTo("https://cdn.example-loja.com.br/img/1001-1.jpg");
        assertThat(aurora.path("photos").get(0).path("sequence").asInt()).isEqualTo(1);
        assertThat(aurora.path("photos").get(1).path("sequence").asInt()).isEqualTo(2);
        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                + aurora.path("photos").get(1).path("url").asString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.body()).isEqualTo(Fixtures.bytes("photos/1001 2.png"));
        JsonNode brisa = product("1002");
        assertThat(brisa.path("discountedPrice").decimalValue()).isEqualByComparingTo("342.10");
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/products?size=1").path("totalItems").asInt(),
                total -> total == 50);
        assertThat(references(get("/api/v1/products?category=roupas&size=200"))).contains("1001", "1002", "1003")
                .doesNotContain("1004");
    }

    @Test
    void theLegacyExcelFileImportsEveryProduct() throws Exception {
        MinioClient s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY).build();

        upload(s3, "products/catalog-journey-legacy.xls", Fixtures.bytes("products-legacy.xls"));

        JsonNode job = await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode candidate : get("/api/v1/imports?kind=PRODUCTS")) {
                if (candidate.path("objectKey").asString().equals("products/catalog-journey-legacy.xls")) {
                    return candidate;
                }
            }
            return null;
        }, found -> found != null && found.path("state").asString().startsWith("COMPLETED"));
        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(50);
    }

    private JsonNode product(String reference) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                + "/api/v1/products/" + reference)));
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> references(JsonNode page) {
        List<String> references = new ArrayList<>();
        page.path("items").forEach(product -> references.add(product.path("reference").asString()));
        return references;
    }

    private static void upload(MinioClient s3, String key, byte[] content) throws Exception {
        s3.putObject(PutObjectArgs.builder().bucket(Buckets.INBOX).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1).build());
    }
}
