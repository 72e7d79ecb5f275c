package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Buckets;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import io.omnihub.localstack.PartStatus;
import io.omnihub.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The first journey of a newcomer, as they would do it: the embedded stack and the six services run as
 * processes, an S3 client drops the ERP's categories file in the inbox, and HTTP reads the tree through
 * the gateway.
 */
class CategoriesJourneyIT {

    static LocalStack stack;

    private final Erp erp = new Erp(EmbeddedStack.get(), Erp.ERP);

    @BeforeAll
    static void up() {
        stack = EmbeddedStack.get();
    }

    @Test
    void categoriesFileUploadedWithAnS3ClientShowsUpThroughTheGateway() throws Exception {
        erp.upload("categories/categorias-erp.xlsx", Fixtures.bytes("categories.xlsx"));

        JsonNode roupas = await().atMost(Duration.ofSeconds(60)).until(() -> root("Roupas"), node -> node != null
                && node.path("children").size() == 3);
        assertThat(names(roupas.path("children"))).containsExactly("Calças", "Camisetas", "Vestidos");
        assertThat(names(erp.get("/api/v1/categories"))).contains("Acessórios", "Calçados", "Roupas");
        assertThat(names(root("Acessórios").path("children"))).containsExactly("Bolsas", "Óculos");
        JsonNode job = await().atMost(Duration.ofSeconds(30)).until(() -> importOf("categories/categorias-erp.xlsx"),
                found -> found != null && found.path("state").asString().equals("COMPLETED"));
        assertThat(job.path("rowsAccepted").asLong()).isEqualTo(10);
        assertThat(erp.exists(Buckets.ARCHIVE, job.path("id").asString() + "/categories/categorias-erp.xlsx"))
                .isTrue();
    }

    @Test
    void categoriesPostedToTheApiShowUpThroughTheGatewayWithTheCallersCorrelationId() throws Exception {
        HttpResponse<String> accepted = erp.postJson("/api/v1/categories",
                "[\"Casa > Cozinha\", \"Casa > Banho\"]".getBytes(StandardCharsets.UTF_8),
                "X-Correlation-Id", "journey-42");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("X-Correlation-Id")).contains("journey-42");
        String importId = erp.json(accepted.body()).path("importId").asString();
        JsonNode casa = await().atMost(Duration.ofSeconds(60)).until(() -> root("Casa"),
                node -> node != null && node.path("children").size() == 2);
        assertThat(names(casa.path("children"))).containsExactly("Banho", "Cozinha");
        assertThat(erp.get("/api/v1/imports/" + importId).path("state").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void everyPartIsRunningAndEveryServiceReady() throws Exception {
        assertThat(stack.status()).allMatch(PartStatus::running);
        for (Part service : Part.services()) {
            assertThat(erp.get(stack.serviceUrl(service) + "/actuator/health/readiness").path("status").asString())
                    .as(service.id()).isEqualTo("UP");
        }
    }

    private JsonNode root(String name) throws Exception {
        for (JsonNode node : erp.get("/api/v1/categories")) {
            if (node.path("name").asString().equals(name)) {
                return node;
            }
        }
        return null;
    }

    private JsonNode importOf(String objectKey) throws Exception {
        for (JsonNode job : erp.get("/api/v1/imports")) {
            if (job.path("objectKey").asString().equals(objectKey)) {
                return job;
            }
        }
        return null;
    }


    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> names.add(node.path("name").asString()));
        return names;
    }
}
