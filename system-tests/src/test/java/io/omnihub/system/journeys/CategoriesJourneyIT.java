package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.omnihub.contracts.Buckets;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import io.omnihub.localstack.PartStatus;
import io.omnihub.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first journey of a newcomer, as they would do it: the embedded stack and the six services run as
 * processes, an S3 client drops the ERP's categories file in the inbox, and HTTP reads the tree through
 * the gateway.
 */
class CategoriesJourneyIT {

    static LocalStack stack;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void up() {
        stack = EmbeddedStack.get();
    }

    @Test
    void categoriesFileUploadedWithAnS3ClientShowsUpThroughTheGateway() throws Exception {
        byte[] file = Files.readAllBytes(Fixtures.path("categories.xlsx"));
        MinioClient s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY).build();

        s3.putObject(PutObjectArgs.builder().bucket(Buckets.INBOX).object("categories/categorias-erp.xlsx")
                .stream(new ByteArrayInputStream(file), file.length, -1).build());

        JsonNode roupas = await().atMost(Duration.ofSeconds(60)).until(() -> root("Roupas"), node -> node != null
                && node.path("children").size() == 3);
        assertThat(names(roupas.path("children"))).containsExactly("Calças", "Camisetas", "Vestidos");
        assertThat(names(get("/api/v1/categories"))).contains("Acessórios", "Calçados", "Roupas");
        assertThat(names(root("Acessórios").path("children"))).containsExactly("Bolsas", "Óculos");
        JsonNode job = await().atMost(Duration.ofSeconds(30)).until(() -> importOf("categories/categorias-erp.xlsx"),
                found -> found != null && found.path("state").asString().equals("COMPLETED"));
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(10);
        assertThat(exists(s3, Buckets.ARCHIVE, job.path("id").asString() + "/categories/categorias-erp.xlsx"))
                .isTrue();
    }

    @Test
    void categoriesPostedToTheApiShowUpThroughTheGatewayWithTheCallersCorrelationId() throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                + "/api/v1/categories")).header("Content-Type", "application/json")
                .header("X-Correlation-Id", "journey-42")
                .POST(HttpRequest.BodyPublishers.ofString("[\"Casa > Cozinha\", \"Casa > Banho\"]")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("X-Correlation-Id")).contains("journey-42");
        String importId = json.readTree(accepted.body()).path("importId").asString();
        JsonNode casa = await().atMost(Duration.ofSeconds(60)).until(() -> root("Casa"),
                node -> node != null && node.path("children").size() == 2);
        assertThat(names(casa.path("children"))).containsExactly("Banho", "Cozinha");
        assertThat(get("/api/v1/imports/" + importId).path("state").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void everyPartIsRunningAndEveryServiceReady() throws Exception {
        assertThat(stack.status()).allMatch(PartStatus::running);
        for (Part service : Part.services()) {
            HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl(service)
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(service.id()).isEqualTo(200);
        }
    }

    private JsonNode root(String name) throws Exception {
        for (JsonNode node : get("/api/v1/categories")) {
            if (node.path("name").asString().equals(name)) {
                return node;
            }
        }
        return null;
    }

    private JsonNode importOf(String objectKey) throws Exception {
        for (JsonNode job : get("/api/v1/imports")) {
            if (job.path("objectKey").asString().equals(objectKey)) {
                return job;
            }
        }
        return null;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> names.add(node.path("name").asString()));
        return names;
    }

    private static boolean exists(MinioClient s3, String bucket, String key) {
        try {
            s3.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
