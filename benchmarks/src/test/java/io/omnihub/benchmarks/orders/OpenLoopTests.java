package io.omnihub.benchmarks.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenLoopTests {

    @Test
    void sendsAtTheRateAndKeepsEachAnswerWithTheMomentItWasDue() throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/orders", exchange -> {
            byte[] body = ("{\"orderId\": \"ord-" + served.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/orders");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            List<OpenLoop.Sent> sent = OpenLoop.run(http, 50, Duration.ofMillis(400),
                    () -> HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")).build());

            assertThat(sent).hasSize(20).allSatisfy(one -> {
                assertThat(one.accepted()).isTrue();
                assertThat(one.body()).startsWith("{\"orderId\": \"ord-");
                assertThat(one.answeredNanos()).isGreaterThan(one.dueNanos());
            });
            // due 20 ms apart, whatever the answers took
            assertThat(sent.get(19).dueNanos() - sent.get(0).dueNanos()).isEqualTo(19 * 20_000_000L);
        } finally {
            server.stop(0);
        }
    }
}
