package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import io.omnihub.testsupport.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The gateway in front of the real services: API keys, roles and store scope, a call that bypasses it, the
 * correlation id and the access log, and the documentation.
 */
class GatewayJourneyIT {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final LocalStack stack = EmbeddedStack.get();
    private final Erp operator = new Erp(stack);
    private final Erp storeLj001 = new Erp(stack, Erp.storeKey("LJ001"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aKeyOfStoreLJ001NeverGetsA2xxForLJ002OnAnyRouteOfTheGateway() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int tried = 0;
        for (Map<String, Object> route : gatewayRoutes()) {
            Map<String, Object> metadata = map(route.get("metadata"));
            if (Boolean.parseBoolean(String.valueOf(metadata.get("public")))) {
                continue;
            }
            for (String pattern : predicate(route, "Path")) {
                String path = pattern.replace("/stores/*", "/stores/LJ002").replace("/**", "/LJ002-1")
                        .replace("*", "LJ002-1");
                List<String> methods = predicate(route, "Method");
                for (String method : methods.isEmpty() ? METHODS : methods) {
                    for (String uri : List.of(path, path + "?store=LJ002")) {
                        HttpResponse<String> response = storeLj001.send(method, uri, "application/json",
                                "{\"storeId\": \"LJ002\"}".getBytes(StandardCharsets.UTF_8));
                        softly.assertThat(response.statusCode()).as("%s %s %s: %s", route.get("id"), method, uri,
                                response.body()).isGreaterThanOrEqualTo(300);
                        tried++;
                    }
                }
            }
        }
        softly.assertThat(tried).as("requests tried").isGreaterThan(20);
        softly.assertAll();
    }

    @Test
    void aStoreKeyReachesItsOwnStockButNotAnotherStores() throws Exception {
        HttpResponse<String> own = storeLj001.send("GET", "/api/v1/stores/LJ001/stock", null, null);
        assertThat(own.statusCode()).as("its own store reaches inventory-service: " + own.body()).isIn(200, 404);
        assertThat(own.body()).doesNotContain("cannot see or act on");

        HttpResponse<String> other = storeLj001.send("GET", "/api/v1/stores/LJ002/stock", null, null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(other.body()).contains("cannot see or act on store LJ002");
    }

    @Test
    void refusesAMissingOrUnknownKeyWith401AndAWrongRoleWith403() throws Exception {
        assertThat(new Erp(stack, null).send("GET", "/api/v1/products", null, null).statusCode()).isEqualTo(401);
        assertThat(new Erp(stack, "dev-guess").send("GET", "/api/v1/products", null, null).statusCode())
                .isEqualTo(401);
        assertThat(new Erp(stack, Erp.CHANNEL).postJson("/api/v1/products", "[]".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aServiceRefusesACallThatBypassesTheGatewayOrForgesAnIdentity() throws Exception {
        for (Part service : List.of(Part.CATALOG, Part.INVENTORY, Part.INGEST)) {
            URI direct = URI.create(stack.serviceUrl(service) + "/api/v1/imports");
            HttpResponse<String> bypass = http.send(HttpRequest.newBuilder(direct).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(direct)
                            .header(IdentityToken.HEADER, "eyJzdWIiOiJtZSJ9.Zm9yZ2Vk").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(bypass.statusCode()).as(service.id() + " without identity").isEqualTo(401);
            assertThat(forged.statusCode()).as(service.id() + " with a forged identity").isEqualTo(401);
        }
    }

    @Test
    void theCallersCorrelationIdIsAnsweredLoggedByTheGatewayWithTheClientAndTaggedOnTheServicesLogLines()
            throws Exception {
        String correlationId = "erp-push-" + UUID.randomUUID();
        HttpResponse<String> accepted = new Erp(stack, Erp.ERP).postJson("/api/v1/products",
                Fixtures.bytes("products.json"), "X-Correlation-Id", correlationId);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Files.readString(stack.logFile(Part.GATEWAY)))
                .containsPattern("path=/api/v1/products status=202 .* client=local-erp correlationId="
                        + correlationId));

        // the platform tags every log line of a service with the id it received (here a refused direct call)
        String direct = "direct-" + UUID.randomUUID();
        http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl(Part.INVENTORY) + "/api/v1/stock/1"))
                .header("X-Correlation-Id", direct).build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Files.readString(stack.logFile(Part.INVENTORY))).contains("[inventory-service," + direct + "]"));
    }

    @Test
    void documentsEveryServiceAndEveryTopicWithoutAKey() throws Exception {
        Erp anonymous = new Erp(stack, null);
        for (String service : List.of("ingest-service", "catalog-service", "inventory-service", "order-service",
                "coupon-service")) {
            HttpResponse<String> document = anonymous.send("GET", "/v3/api-docs/" + service, null, null);
            assertThat(document.statusCode()).as(service).isEqualTo(200);
            assertThat(anonymous.json(document.body()).path("openapi").asString()).as(service).startsWith("3.");
        }
        HttpResponse<String> asyncApi = anonymous.send("GET", "/asyncapi.json", null, null);
        assertThat(asyncApi.statusCode()).isEqualTo(200);
        assertThat(anonymous.json(asyncApi.body()).path("channels").size()).isEqualTo(Topics.ALL.size());
        assertThat(anonymous.send("GET", "/swagger-ui/index.html", null, null).statusCode()).isEqualTo(200);
    }

    /** The routes of the gateway's own configuration: a route added there is tried here too. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> gatewayRoutes() throws Exception {
        Path yml = Fixtures.directory().getParent().resolve("gateway/src/main/resources/application.yml");
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(yml));
        Object routes = at(root, "spring", "cloud", "gateway", "server", "webflux", "routes");
        return (List<Map<String, Object>>) routes;
    }

    private static List<String> predicate(Map<String, Object> route, String name) {
        List<String> values = new ArrayList<>();
        for (Object predicate : (List<?>) route.get("predicates")) {
            String text = String.valueOf(predicate);
            if (text.startsWith(name + "=")) {
                for (String value : text.substring(name.length() + 1).split(",")) {
                    values.add(value.trim());
                }
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = map(current).get(key);
        }
        return current;
    }
}
