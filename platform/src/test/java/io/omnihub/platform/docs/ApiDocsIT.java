package io.omnihub.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.identity.Identity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's OpenAPI document, as the platform shapes it for the gateway's Swagger UI. */
@SpringBootTest(classes = ApiDocsIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"omnihub.security.identity-secret=the-secret-of-the-gateway-and-services",
                "spring.application.name=docs-test"})
class ApiDocsIT {

    @LocalServerPort
    int port;

    @Test
    void describesTheApiAsCalledThroughTheGatewayWithAnApiKeyAndWithoutTheIdentityParameter() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("no identity needed outside /api").isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        JsonNode operation = document.path("paths").path("/api/v1/things/{id}").path("get");
        assertThat(operation.isMissingNode()).isFalse();
        assertThat(operation.path("parameters").findValuesAsString("name")).containsExactly("id");
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(document.path("components").path("securitySchemes").path("apiKey").path("name").asString())
                .isEqualTo("X-Api-Key");
        assertThat(document.path("security").get(0).has("apiKey")).isTrue();
    }

    @EnableAutoConfiguration
    @Import(ThingController.class)
    static class App {
    }

    @RestController
    static class ThingController {

        @GetMapping("/api/v1/things/{id}")
        String thing(@PathVariable String id, Identity identity) {
            return id + identity.client();
        }
    }
}
