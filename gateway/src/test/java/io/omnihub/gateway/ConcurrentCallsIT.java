package io.omnihub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway puts no cap of its own on the calls in flight to one service: the limits are the rate limits per key.
 * (Resilience4j's bulkhead, on by default around the circuit breaker, answered the 26th concurrent call with 503.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentCallsIT {

    private static final int CALLS = 40;
    // answers nothing until all the calls are in, so they are all in flight at the same time
    private static final CountDownLatch ALL_IN = new CountDownLatch(CALLS);
    private static final HttpServer SLOW = holdingUntilAllArrived();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + SLOW.getAddress().getPort();
        for (String variable : List.of("INGEST_URL", "CATALOG_URL", "INVENTORY_URL", "ORDER_URL", "COUPON_URL")) {
            registry.add(variable, () -> url);
        }
    }

    @AfterAll
    static void stop() {
        SLOW.stop(0);
    }

    @Test
    void forwardsFortyConcurrentCallsToOneServiceAndAnswersEachOne() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/products/1001"))
                .header(GatewayClient.API_KEY, TestKeys.OPERATOR).timeout(Duration.ofSeconds(30)).build();

        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, CALLS)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();

        assertThat(responses).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(ALL_IN.getCount()).isZero();
    }

    private static HttpServer holdingUntilAllArrived() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CALLS);
            server.setExecutor(Executors.newFixedThreadPool(CALLS));
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                ALL_IN.countDown();
                try {
                    // a capped gateway never lets them all in: the answer then says 503 for some, 200 after 10 s
                    ALL_IN.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = "{\"reference\":\"1001\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
