package io.omnihub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.Fixtures;
import io.omnihub.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
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
        for (int i = 0; i < 4; i++) {
            String prefix = "omnihub.pull.integrations[" + i + "].";
            String name = List.of("steady", "flaky", "slow", "daily-stock").get(i);
            boolean stock = name.equals("daily-stock");
            // a list binds from one property source only: every element's every field is given here
            registry.add(prefix + "name", () -> name);
            registry.add(prefix + "kind", () -> stock ? "STOCK_FULL" : "PRODUCTS");
            registry.add(prefix + "url", () -> stock ? erp.stockUrl(name) : erp.url(name));
            registry.add(prefix + "auth-header", () -> "Authorization");
            registry.add(prefix + "auth-value", () -> "Bearer erp-secret");
            registry.add(prefix + "page-size", () -> "8");
            registry.add(prefix + "attempts", () -> "2");
            registry.add(prefix + "backoff", () -> "50ms");
            // only "slow" is about the time limit; elsewhere a cold, busy JVM must not turn a page into a retry
            registry.add(prefix + "timeout", () -> name.equals("slow") ? "1s" : "10s");
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
    void aFullStockPullIsOneSnapshotAcrossItsPagesClosedOnlyAfterTheLastPage() {
        run("daily-stock");

        JsonNode integration = awaitStatus("daily-stock", "IDLE");
        assertThat(erp.pagesAsked("daily-stock")).containsExactly(1, 2, 3, 4);
        String snapshotId = "pull-daily-stock-" + integration.path("runId").asString();
        List<JsonNode> pages = importsOf("stock/full/pulls/daily-stock/", 3);
        List<String> pageIds = pages.stream().map(job -> job.path("id").asString()).toList();
        List<String> ids = new ArrayList<>(pageIds);
        ids.add(snapshotId);
        List<ConsumerRecord<String, byte[]>> events;
        try (IngestDriver stock = new IngestDriver(http, TestInfrastructure.s3Endpoint(),
                TestInfrastructure.S3_ACCESS_KEY, TestInfrastructure.S3_SECRET_KEY, bootstrapServers,
                Topics.INVENTORY_STOCK_UPDATES)) {
            events = stock.eventsOf(ids, 20 + 3);
        }

        var rows = events.stream().filter(record -> type(record).endsWith("stock-level-reported")).toList();
        var ends = events.stream().filter(record -> type(record).endsWith("stock-snapshot-completed")).toList();
        assertThat(rows).hasSize(20).allSatisfy(record -> {
            JsonNode row = json.readTree(record.value());
            assertThat(row.path("mode").asString()).isEqualTo("FULL");
            assertThat(row.path("snapshotId").asString()).isEqualTo(snapshotId);
        });
        assertThat(ends).extracting(ConsumerRecord::partition).containsExactlyInAnyOrder(0, 1, 2);
        long counted = 0;
        for (ConsumerRecord<String, byte[]> end : ends) {
            JsonNode marker = json.readTree(end.value());
            assertThat(marker.path("snapshotId").asString()).isEqualTo(snapshotId);
            assertThat(marker.path("storeIds").toString()).isEqualTo("[\"LJ001\",\"LJ002\"]");
            var inPartition = rows.stream().filter(row -> row.partition() == end.partition()).toList();
            assertThat(marker.path("rowsInPartition").asLong()).isEqualTo(inPartition.size());
            // after every row of every page in its partition, the last page's included
            assertThat(end.offset()).isGreaterThan(inPartition.stream().mapToLong(ConsumerRecord::offset).max()
                    .orElse(-1));
            counted += inPartition.size();
        }
        assertThat(counted).isEqualTo(20);
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

    /** The integration once in that status; else a failure naming its imports (a run waits for its pages). */
    private JsonNode awaitStatus(String name, String status) {
        try {
            return await().atMost(Duration.ofSeconds(60)).until(
                    () -> http.getForObject("/api/v1/integrations/" + name, JsonNode.class),
                    integration -> integration.path("status").asString().equals(status));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\nthe imports: "
                    + http.getForObject("/api/v1/imports?size=200", String.class), e);
        }
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return IngestDriver.header(record, "ce_type");
    }

    /** The finished imports of an integration's pages, once there are {@code expected}. */
    private List<JsonNode> importsOf(String name, int expected) {
        String keyPrefix = name.contains("/") ? name : "products/pull-" + name + "-";
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<JsonNode> jobs = new ArrayList<>();
            http.getForObject("/api/v1/imports?size=200", JsonNode.class).forEach(job -> {
                if (job.path("objectKey").asString().startsWith(keyPrefix)
                        && job.path("state").asString().startsWith("COMPLETED")) {
                    jobs.add(job);
                }
            });
            return jobs;
        }, jobs -> jobs.size() == expected);
    }

    /**
     * A small ERP: serves the 20 products of fixtures/products.json in pages, and the stock of those products at
     * two stores, and fails or dawdles on demand.
     */
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

        String stockUrl(String integration) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + integration + "/stock";
        }

        /** One stock row per product, alternating between two stores. */
        private List<Map<String, Object>> stock() {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                rows.add(Map.of("ean", products.get(i).path("ean").asString(), "storeId",
                        i % 2 == 0 ? "LJ001" : "LJ002", "quantity", i));
            }
            return rows;
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
            List<?> items = exchange.getRequestURI().getPath().endsWith("/stock") ? stock() : products;
            int from = Math.min((page - 1) * size, items.size());
            byte[] body = json.writeValueAsBytes(Map.of("items", items.subList(from,
                    Math.min(from + size, items.size()))));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
