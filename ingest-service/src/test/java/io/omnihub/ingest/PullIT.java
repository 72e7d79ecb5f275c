package io.omnihub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.Fixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pulling products from an ERP's API: a real HTTP server stands in for the ERP, outages and slowness included. */
class PullIT extends EmbeddedIngestTest {

    private static final StandInErp erp = StandInErp.start();

    @DynamicPropertySource
    static void integrations(DynamicPropertyRegistry registry) {
        for (int i = 0; i < 3; i++) {
            String prefix = "omnihub.pull.integrations[" + i + "].";
            String name = List.of("steady", "flaky", "slow").get(i);
            // a list binds from one property source only: every element's every field is given here
            registry.add(prefix + "name", () -> name);
            registry.add(prefix + "kind", () -> "PRODUCTS");
            registry.add(prefix + "url", () -> erp.url(name));
            registry.add(prefix + "auth-header", () -> "Authorization");
            registry.add(prefix + "auth-value", () -> "Bearer erp-secret");
            registry.add(prefix + "page-size", () -> "8");
            registry.add(prefix + "attempts", () -> "2");
            registry.add(prefix + "backoff", () -> "50ms");
            registry.add(prefix + "timeout", () -> "1s");
        }
    }

    @Override
    String topic() {
        return Topics.CATALOG_PRODUCTS;
    }

    @AfterAll
    static void stop() {
        erp.server.stop(0);
    }

    @Test
    void pagesThroughTheErpAndImportsEveryPageAsAFile() {
        run("steady");

        JsonNode integration = awaitStatus("steady", "IDLE");
        assertThat(integration.path("lastCompletedAt").isNull()).isFalse();
        assertThat(erp.pagesAsked("steady")).containsExactly(1, 2, 3, 4);
        assertThat(erp.authorizations).allMatch("Bearer erp-secret"::equals);
        List<JsonNode> pages = importsOf("steady", 3);
        assertThat(pages).extracting(job -> job.path("rowsAccepted").asLong()).containsExactlyInAnyOrder(8L, 8L, 4L);
    }

    @Test
    void anOutageStopsTheRunWhichResumesAtThePageThatFailedWithoutDoublingAnything() {
        erp.failing.add("flaky:2");
        run("flaky");

        JsonNode interrupted = awaitStatus("flaky", "INTERRUPTED");
        assertThat(interrupted.path("nextPage").asInt()).isEqualTo(2);
        assertThat(interrupted.path("lastError").asString()).contains("page 2").contains("503");
        assertThat(erp.pagesAsked("flaky")).containsExactly(1, 2, 2);

        erp.failing.clear();
        run("flaky");

        JsonNode done = awaitStatus("flaky", "IDLE");
        assertThat(done.path("runId").asString()).isEqualTo(interrupted.path("runId").asString());
        assertThat(erp.pagesAsked("flaky")).containsExactly(1, 2, 2, 2, 3, 4);
        List<JsonNode> pages = importsOf("flaky", 3);
        assertThat(pages.stream().mapToLong(job -> job.path("rowsAccepted").asLong()).sum()).isEqualTo(20);
    }

    @Test
    void aPageSlowerThanTheTimeLimitInterruptsTheRun() {
        erp.slow.add("slow:1");
        run("slow");

        JsonNode interrupted = awaitStatus("slow", "INTERRUPTED");

        assertThat(interrupted.path("nextPage").asInt()).isEqualTo(1);
        assertThat(interrupted.path("lastError").asString()).startsWith("page 1");
        assertThat(importsOf("slow", 0)).isEmpty();
    }

    @Test
    void anUnknownIntegrationIsNotFound() {
        assertThat(http.postForEntity("/api/v1/integrations/nope/runs", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void run(String name) {
        assertThat(http.postForEntity("/api/v1/integrations/" + name + "/runs", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    private JsonNode awaitStatus(String name, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/v1/integrations/" + name, JsonNode.class),
                integration -> integration.path("status").asString().equals(status));
    }

    /** The finished imports of an integration's pages, once there are {@code expected}. */
    private List<JsonNode> importsOf(String name, int expected) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<JsonNode> jobs = new ArrayList<>();
            http.getForObject("/api/v1/imports?size=200", JsonNode.class).forEach(job -> {
                if (job.path("objectKey").asString().startsWith("products/pull-" + name + "-")
                        && job.path("state").asString().startsWith("COMPLETED")) {
                    jobs.add(job);
                }
            });
            return jobs;
        }, jobs -> jobs.size() == expected);
    }

    /** A small ERP: serves the 20 products of fixtures/products.json in pages, and fails or dawdles on demand. */
    static final class StandInErp {

        final HttpServer server;
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final Set<String> slow = ConcurrentHashMap.newKeySet();
        private final Map<String, List<Integer>> asked = new ConcurrentHashMap<>();
        private final List<JsonNode> products = new ArrayList<>();
        private final JsonMapper json = JsonMapper.builder().build();
    
        private StandInErp(HttpServer server) {
            this.server = server;
            json.readTree(Fixtures.bytes("products.json")).path("items").forEach(products::add);
        }

        static StandInErp start() {
            try {
                var erp = new StandInErp(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
                erp.server.createContext("/", erp::handle);
                erp.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
                erp.server.start();
                return erp;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url(String integration) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + integration + "/products";
        }

        List<Integer> pagesAsked(String integration) {
            return asked.getOrDefault(integration, List.of());
        }

        private void handle(HttpExchange exchange) throws IOException {
            String integration = exchange.getRequestURI().getPath().split("/")[1];
            Map<String, String> query = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                query.put(pair.split("=")[0], pair.split("=")[1]);
            }
            int page = Integer.parseInt(query.get("page"));
            int size = Integer.parseInt(query.get("size"));
            asked.computeIfAbsent(integration, key -> new CopyOnWriteArrayList<>()).add(page);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (failing.contains(integration + ":" + page)) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            if (slow.contains(integration + ":" + page)) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int from = Math.min((page - 1) * size, products.size());
            byte[] body = json.writeValueAsBytes(Map.of("items", products.subList(from,
                    Math.min(from + size, products.size()))));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
