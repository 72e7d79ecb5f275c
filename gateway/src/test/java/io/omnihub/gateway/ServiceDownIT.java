package io.omnihub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.gateway.tracing.CorrelationId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of services that are down or too slow: circuit breakers answer 503 problem+json. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s")
class ServiceDownIT {

    // accepts connections (the kernel does, from its backlog) but never answers
    private static final ServerSocket SILENT_SERVICE = silentSocket();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", ServiceStub::closedPortUrl);
        registry.add("CATALOG_URL", ServiceStub::closedPortUrl);
        registry.add("INVENTORY_URL", () -> "http://127.0.0.1:" + SILENT_SERVICE.getLocalPort());
        registry.add("ORDER_URL", ServiceStub::closedPortUrl);
        registry.add("COUPON_URL", ServiceStub::closedPortUrl);
    }

    @BeforeEach
    void connectToTheGateway() {
        client = GatewayClient.on(port);
    }

    @AfterAll
    static void closeSilentService() throws IOException {
        SILENT_SERVICE.close();
    }

    @Test
    void answers503ProblemJsonNamingTheServiceThatIsDown() {
        client.get().uri("/api/v1/products/REF-1").header(CorrelationId.HEADER, "down-1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(CorrelationId.HEADER, "down-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("catalog-service"))
                .jsonPath("$.instance").isEqualTo("/api/v1/products/REF-1")
                .jsonPath("$.service").isEqualTo("catalog-service")
                .jsonPath("$.reason").isEqualTo("unreachable");
    }

    @Test
    void fallsBackForAWriteWithoutSendingItAgain() {
        client.post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"siteId\":\"s\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.service").isEqualTo("order-service")
                .jsonPath("$.instance").isEqualTo("/api/v1/orders");
    }

    @Test
    void answers503WithReasonTimeoutWhenTheServiceDoesNotAnswerInTime() {
        client.get().uri("/api/v1/stock/7891000000007").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.service").isEqualTo("inventory-service")
                .jsonPath("$.reason").isEqualTo("timeout")
                .jsonPath("$.instance").isEqualTo("/api/v1/stock/7891000000007");
    }

    @Test
    void opensTheBreakerAfterTenFailedCallsAndStopsCallingTheService() {
        // given coupon-service is down, when it is called eleven times
        List<String> reasons = new ArrayList<>();
        for (int call = 1; call <= 11; call++) {
            Map<String, Object> problem = client.get().uri("/api/v1/coupons/CPN-" + call).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            reasons.add((String) problem.get("reason"));
        }

        // then the first ten were tried and failed, the eleventh was refused by the open breaker
        assertThat(reasons.subList(0, 10)).containsOnly("unreachable");
        assertThat(reasons.get(10)).isEqualTo("circuit-open");
    }

    @Test
    void fallsBackForAnUploadToIngestService() {
        // ingest-service's breaker is configured apart (longer time limit for uploads): it must still fall back
        client.post().uri("/api/v1/imports").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.service").isEqualTo("ingest-service")
                .jsonPath("$.reason").isEqualTo("unreachable");
    }

    private static ServerSocket silentSocket() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
