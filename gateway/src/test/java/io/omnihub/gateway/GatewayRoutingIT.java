package io.omnihub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.gateway.tracing.CorrelationId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole gateway on a random port in front of five real (stub) services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "omnihub.gateway.max-request-size=1KB")
class GatewayRoutingIT {

    private static final List<String> SERVICES =
            List.of("ingest-service", "catalog-service", "inventory-service", "order-service", "coupon-service");
    private static final List<ServiceStub> STUBS = SERVICES.stream().map(ServiceStub::start).toList();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", STUBS.get(0)::url);
        registry.add("CATALOG_URL", STUBS.get(1)::url);
        registry.add("INVENTORY_URL", STUBS.get(2)::url);
        registry.add("ORDER_URL", STUBS.get(3)::url);
        registry.add("COUPON_URL", STUBS.get(4)::url);
    }

    @BeforeEach
    void connectToTheGateway() {
        client = GatewayClient.on(port);
    }

    @AfterAll
    static void stopStubs() {
        STUBS.forEach(ServiceStub::close);
    }

    static Stream<Arguments> routeTable() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/categories", "ingest-service"),
                Arguments.of("POST", "/api/v1/products", "ingest-service"),
                Arguments.of("POST", "/api/v1/stock", "ingest-service"),
                Arguments.of("POST", "/api/v1/imports", "ingest-service"),
                Arguments.of("GET", "/api/v1/imports", "ingest-service"),
                Arguments.of("GET", "/api/v1/imports/imp-1", "ingest-service"),
                Arguments.of("GET", "/api/v1/integrations/erp-1", "ingest-service"),
                Arguments.of("GET", "/api/v1/categories", "catalog-service"),
                Arguments.of("GET", "/api/v1/categories/cat-1", "catalog-service"),
                Arguments.of("PUT", "/api/v1/categories/cat-1/parent", "catalog-service"),
                Arguments.of("GET", "/api/v1/products", "catalog-service"),
                Arguments.of("GET", "/api/v1/products/REF-1", "catalog-service"),
                Arguments.of("GET", "/api/v1/photos/REF-1/1.jpg", "catalog-service"),
                Arguments.of("GET", "/api/v1/stock/7891000000007", "inventory-service"),
                Arguments.of("GET", "/api/v1/stores/LJ001/stock", "inventory-service"),
                Arguments.of("GET", "/api/v1/stores/LJ001/stock/drift", "inventory-service"),
                Arguments.of("POST", "/api/v1/orders", "order-service"),
                Arguments.of("GET", "/api/v1/orders", "order-service"),
                Arguments.of("GET", "/api/v1/orders/export", "order-service"),
                Arguments.of("GET", "/api/v1/orders/ord-1", "order-service"),
                Arguments.of("GET", "/api/v1/orders/ord-1/tracking", "order-service"),
                Arguments.of("POST", "/api/v1/orders/ord-1/cancellation", "order-service"),
                Arguments.of("GET", "/api/v1/fulfillments/ful-1", "order-service"),
                Arguments.of("POST", "/api/v1/fulfillments/ful-1/status", "order-service"),
                Arguments.of("POST", "/api/v1/fulfillments/ful-1/returns", "order-service"),
                Arguments.of("GET", "/api/v1/fulfillments/ful-1/proof-of-delivery", "order-service"),
                Arguments.of("POST", "/api/v1/fulfillments/ful-1/acceptance", "order-service"),
                Arguments.of("PUT", "/api/v1/fulfillments/ful-1/proof-of-delivery", "order-service"),
                Arguments.of("GET", "/api/v1/fulfillments/ful-1/shipping-label", "order-service"),
                Arguments.of("GET", "/api/v1/stores", "order-service"),
                Arguments.of("GET", "/api/v1/stores/LJ001", "order-service"),
                Arguments.of("PUT", "/api/v1/stores/LJ001", "order-service"),
                Arguments.of("PUT", "/api/v1/stores", "order-service"),
                Arguments.of("GET", "/api/v1/stores/LJ001/fulfillments", "order-service"),
                Arguments.of("GET", "/api/v1/routing-profiles/site-1", "order-service"),
                Arguments.of("PUT", "/api/v1/routing-profiles/site-1", "order-service"),
                Arguments.of("POST", "/api/v1/routing-profiles/site-1/dry-run", "order-service"),
                Arguments.of("POST", "/api/v1/coupons", "coupon-service"),
                Arguments.of("GET", "/api/v1/coupons", "coupon-service"),
                Arguments.of("GET", "/api/v1/coupons/CPN-1", "coupon-service"),
                Arguments.of("PATCH", "/api/v1/coupons/CPN-1", "coupon-service"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("routeTable")
    void routesEachApiPathToItsService(String method, String path, String service) {
        // given a request of the route table, when it goes through the gateway
        var response = client.method(HttpMethod.valueOf(method)).uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange();

        // then the service behind it gets it with the /api/v1 path unchanged
        response.expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.method").isEqualTo(method)
                .jsonPath("$.path").isEqualTo(path);
    }

    @Test
    void sendsCategoryWritesToIngestAndCategoryReadsToCatalog() {
        client.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON).bodyValue("[]").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("ingest-service");

        client.get().uri("/api/v1/categories").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("catalog-service");
    }

    @Test
    void keepsTheQueryString() {
        client.post().uri("/api/v1/stock?mode=full").contentType(MediaType.APPLICATION_JSON).bodyValue("[]").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("ingest-service")
                .jsonPath("$.query").isEqualTo("mode=full");
    }

    @Test
    void passesTheCallersCorrelationIdToTheServiceAndBack() {
        client.get().uri("/api/v1/products/REF-1")
                .header(CorrelationId.HEADER, "erp-7f3a.42")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(CorrelationId.HEADER, "erp-7f3a.42")
                .expectBody().jsonPath("$.correlationId").isEqualTo("erp-7f3a.42");
    }

    @Test
    void generatesACorrelationIdWhenTheCallerSendsNone() {
        var result = client.get().uri("/api/v1/coupons/CPN-1").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();

        String generated = result.getResponseHeaders().getFirst(CorrelationId.HEADER);
        assertThat(UUID.fromString(generated)).isNotNull();
        assertThat(result.getResponseBody()).contains("\"correlationId\":\"" + generated + "\"");
    }

    @Test
    void replacesACorrelationIdThatIsNotPlainText() {
        String unsafe = "x\" onerror=alert(1) " + "y".repeat(80);

        var result = client.get().uri("/api/v1/stores").header(CorrelationId.HEADER, unsafe).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();

        String used = result.getResponseHeaders().getFirst(CorrelationId.HEADER);
        assertThat(UUID.fromString(used)).isNotNull();
        assertThat(result.getResponseBody()).contains("\"correlationId\":\"" + used + "\"");
    }

    static Stream<Arguments> unroutable() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/nothing-here"),
                Arguments.of("GET", "/api/v1"),
                Arguments.of("DELETE", "/api/v1/categories"),
                Arguments.of("PUT", "/api/v1/products/REF-1"),
                Arguments.of("DELETE", "/api/v1/stock/7891000000007"),
                Arguments.of("GET", "/api/v2/orders"));
    }

    @ParameterizedTest(name = "{0} {1} -> 404")
    @MethodSource("unroutable")
    void answersAPathThatMatchesNoRouteWith404ProblemJson(String method, String path) {
        client.method(HttpMethod.valueOf(method)).uri(path).header(CorrelationId.HEADER, "lost-1").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(CorrelationId.HEADER, "lost-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("No route for " + method + " " + path)
                .jsonPath("$.instance").isEqualTo(path);
    }

    @Test
    void doesNotLetClientsCallTheFallbackDirectly() {
        client.get().uri("/fallback/order-service").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesABodyAboveTheSizeLimitWith413ProblemJson() {
        // given a limit of 1KB for this test, when a 2KB body is posted
        client.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + "0,".repeat(1024) + "0]")
                .exchange()
                // then the gateway refuses it itself
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(CorrelationId.HEADER)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.instance").isEqualTo("/api/v1/products")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 1024 bytes"));
    }

    @Test
    void exposesLivenessAndReadinessProbes() {
        for (String probe : List.of("/livez", "/readyz", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/health")) {
            client.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void exposesGatewayAndCircuitBreakerMetricsToPrometheus() {
        client.get().uri("/api/v1/orders/ord-1").exchange().expectStatus().isOk();

        String metrics = client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics)
                .contains("spring_cloud_gateway_requests_seconds_count{")
                .contains("routeId=\"order-reads\"")
                .contains("resilience4j_circuitbreaker_state{");
    }
}
