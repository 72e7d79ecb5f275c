package io.omnihub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway never sends a request twice, whatever happens to the connection. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoRetryIT {

    private static final AtomicInteger CALLS = new AtomicInteger();
    // reads the request, then drops the connection without a word: the classic case for a client retry
    private static final HttpServer DROPPING = dropping();

    @LocalServerPort
    int port;

    @Autowired
    GatewayProperties gateway;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + DROPPING.getAddress().getPort();
        for (String variable : List.of("INGEST_URL", "CATALOG_URL", "INVENTORY_URL", "ORDER_URL", "COUPON_URL")) {
            registry.add(variable, () -> url);
        }
    }

    @AfterAll
    static void stop() {
        DROPPING.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH"})
    void sendsAWriteOnceWhenTheServiceDropsTheConnectionAndAnswers503(String method) {
        int before = CALLS.get();

        GatewayClient.on(port).method(HttpMethod.valueOf(method)).uri("/api/v1/coupons/CPN-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"action\": \"REDEEM\"}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("coupon-service");

        assertThat(CALLS.get() - before).as("requests the service received").isEqualTo(1);
    }

    @Test
    void sendsAReadOnceToo() {
        int before = CALLS.get();

        GatewayClient.on(port).get().uri("/api/v1/orders/ord-1").exchange().expectStatus().isEqualTo(503);

        assertThat(CALLS.get() - before).isEqualTo(1);
    }

    @Test
    void configuresNoRetryFilterOnAnyRoute() throws IOException {
        List<String> filters = gateway.getRoutes().stream()
                .flatMap(route -> route.getFilters().stream()).map(FilterDefinition::getName).toList();

        assertThat(filters).isNotEmpty().noneMatch(name -> name.toLowerCase().contains("retry"));
        assertThat(gateway.getDefaultFilters()).noneMatch(filter -> filter.getName().toLowerCase().contains("retry"));
        assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
                .doesNotContainPattern("(?m)^\\s*-\\s*(name:\\s*)?Retry");
    }

    private static HttpServer dropping() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                CALLS.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
