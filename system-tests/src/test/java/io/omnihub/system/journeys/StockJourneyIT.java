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
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** The ERP's daily full stock file, then a partial update pushed through the gateway, read back per store. */
class StockJourneyIT {

    static LocalStack stack;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void up() {
        stack = EmbeddedStack.get();
    }

    @Test
    void aFullStockFileThenAPartialUpdateGiveThePerStoreFiguresThroughTheGateway() throws Exception {
        byte[] file = Fixtures.bytes("stock-full.xlsx");
        MinioClient.builder().endpoint(stack.s3Endpoint()).credentials(LocalStack.S3_ACCESS_KEY,
                LocalStack.S3_SECRET_KEY).build().putObject(PutObjectArgs.builder().bucket(Buckets.INBOX)
                        .object("stock/full/estoque-diario.xlsx").stream(new ByteArrayInputStream(file), file.length, -1)
                        .build());

        JsonNode ean = await().atMost(Duration.ofSeconds(90)).until(() -> get("/api/v1/stock/7891000015834"),
                stock -> stock != null && stock.path("stores").size() == 3);
        assertThat(store(ean, "LJ001").path("onHand").asLong()).isEqualTo(8);
        assertThat(store(ean, "LJ001").path("available").asLong()).isEqualTo(8);
        JsonNode lj001 = await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/stores/LJ001/stock?size=1"),
                page -> page != null && page.path("totalItems").asInt() == 50);
        assertThat(lj001.path("items")).hasSize(1);

        String update = "{\"asOf\": \"" + Instant.now().plusSeconds(60) + "\", \"items\": ["
                + "{\"ean\": \"7891000015834\", \"storeId\": \"LJ002\", \"quantity\": 9}]}";
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                + "/api/v1/stock?mode=partial")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);

        JsonNode updated = await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/stock/7891000015834"),
                stock -> store(stock, "LJ002").path("onHand").asLong() == 9);
        assertThat(store(updated, "LJ001").path("onHand").asLong()).isEqualTo(8);
    }

    private static JsonNode store(JsonNode stock, String storeId) {
        for (JsonNode store : stock.path("stores")) {
            if (store.path("storeId").asString().equals(storeId)) {
                return store;
            }
        }
        return MissingNode.getInstance();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }
}
