package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.testsupport.Fixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The catalog load of an ERP, through every entry point: categories and products as files in the inbox
 * (Excel and legacy Excel), products pushed as JSON through the gateway, photos named by reference; then
 * the catalog read back through the gateway as a sales channel would.
 */
class CatalogJourneyIT {

    private final Erp erp = new Erp(EmbeddedStack.get(), Erp.ERP);

    @Test
    void theErpsCatalogShowsUpThroughTheGatewayWithExactEansPricesCategoriesAndPhotos() throws Exception {
        erp.upload("categories/catalog-journey.xlsx", Fixtures.bytes("categories.xlsx"));
        erp.upload("products/catalog-journey.xlsx", Fixtures.bytes("products.xlsx"));
        for (String photo : List.of("1001 1.png", "1001 2.png", "1004 1.png")) {
            erp.upload("photos/" + photo, Fixtures.bytes("photos/" + photo));
        }
        HttpResponse<String> pushed = erp.postJson("/api/v1/products", Fixtures.bytes("products.json"));
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
        HttpResponse<byte[]> image = erp.getBytes(aurora.path("photos").get(1).path("url").asString());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.body()).isEqualTo(Fixtures.bytes("photos/1001 2.png"));
        JsonNode brisa = product("1002");
        assertThat(brisa.path("discountedPrice").decimalValue()).isEqualByComparingTo("342.10");
        // every product of products.xlsx (references 1001 to 1050), whatever other journeys added to the stack
        List<String> fixture = IntStream.rangeClosed(1001, 1050).mapToObj(String::valueOf).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> references(erp.get("/api/v1/products?size=200")),
                stored -> stored.containsAll(fixture));
        assertThat(references(erp.get("/api/v1/products?category=roupas&size=200"))).contains("1001", "1002", "1003")
                .doesNotContain("1004");
    }

    @Test
    void theLegacyExcelFileImportsEveryProduct() throws Exception {

        erp.upload("products/catalog-journey-legacy.xls", Fixtures.bytes("products-legacy.xls"));

        JsonNode job = await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode candidate : erp.get("/api/v1/imports?kind=PRODUCTS")) {
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
        return erp.find("/api/v1/products/" + reference);
    }



    private static List<String> references(JsonNode page) {
        List<String> references = new ArrayList<>();
        page.path("items").forEach(product -> references.add(product.path("reference").asString()));
        return references;
    }
}
