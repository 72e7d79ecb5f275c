package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.localstack.LocalStack;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quick version of issue 8's sustained load: for 30 s, partial stock updates from the ERP and orders from a
 * channel arrive together through the gateway, each at a modest steady rate; then every accepted request is
 * accounted for. Each 202 order exists and every unit of every line is either held by an assigned fulfilment or
 * declared unfulfillable with routing's reasons; each accepted stock update's import completed with all its rows,
 * and every (store, EAN) shows the last figure sent. The stores, site and EANs are this journey's own (others share
 * the stack). No figure of time is asserted: the long version with memory samples is {@code benchmarks/run
 * --orders-sustained}.
 */
class LoadJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LOAD = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String SITE = "site-load-journey";
    private static final List<String> STORES = List.of("LOADJ01", "LOADJ02", "LOADJ03", "LOADJ04");
    private static final int PRODUCTS = 12;
    private static final int ROWS_PER_UPDATE = 5;

    private final LocalStack stack = EmbeddedStack.get();
    private final Erp operator = new Erp(stack, Erp.OPERATOR);
    private final Erp erp = new Erp(stack, Erp.ERP);
    private final Erp channel = new Erp(stack, Erp.CHANNEL);
    private final List<String> eans = eans();
    private final Random random = new Random(8);

    @Test
    void everyOrderAndStockUpdateAcceptedUnderSustainedLoadIsAccountedFor() throws Exception {
        // given the journey's stores, site, products and a first stock figure of every pair
        givenStoresProductsAndStock();

        // when stock updates (1 a second) and orders (3 a second) arrive together for 30 s
        List<HttpResponse<String>> orderAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
        List<HttpResponse<String>> stockAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> lastFigure = new LinkedHashMap<>();
        ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
        String run = UUID.randomUUID().toString().substring(0, 8);
        int[] placed = {0};
        load.scheduleAtFixedRate(() -> orderAnswers.add(post(channel, "/api/v1/orders",
                order("LOAD-" + run + "-" + ++placed[0]))), 0, 333, TimeUnit.MILLISECONDS);
        load.scheduleAtFixedRate(() -> {
            Map<String, Long> update = stockUpdate();
            HttpResponse<String> answer = post(erp, "/api/v1/stock?mode=partial", stockBody(update));
            if (answer.statusCode() == 202) {
                // one update at a time (as-of times increase): the later figure of a pair is the one to see
                synchronized (lastFigure) {
                    lastFigure.putAll(update);
                }
            }
            stockAnswers.add(answer);
        }, 100, 1000, TimeUnit.MILLISECONDS);
        await().pollDelay(LOAD).atMost(LOAD.plusSeconds(5)).until(() -> true);
        load.shutdown();
        assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        // then every request was accepted
        assertThat(orderAnswers).hasSizeGreaterThan(20).allSatisfy(answer ->
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202));
        assertThat(stockAnswers).hasSizeGreaterThan(10).allSatisfy(answer ->
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202));

        // and every accepted stock update completed with all its rows, its last figures stored
        for (HttpResponse<String> answer : stockAnswers) {
            String importId = JSON.readTree(answer.body()).path("importId").asString();
            JsonNode job = await().atMost(PATIENCE).until(() -> erp.find("/api/v1/imports/" + importId),
                    found -> found != null && found.path("state").asString().startsWith("COMPLETED"));
            assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
            assertThat(job.path("rowsAccepted").asLong()).isEqualTo(ROWS_PER_UPDATE);
        }
        for (Map.Entry<String, Long> pair : lastFigure.entrySet()) {
            String[] storeAndEan = pair.getKey().split("\\|");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(onHand(storeAndEan[0], storeAndEan[1]))
                    .as(pair.getKey()).isEqualTo(pair.getValue()));
        }

        // and every accepted order is settled: each unit held by an assigned fulfilment or unfulfillable, with reasons
        int assigned = 0;
        for (HttpResponse<String> answer : orderAnswers) {
            String orderId = JSON.readTree(answer.body()).path("orderId").asString();
            JsonNode order = await().atMost(PATIENCE).until(() -> operator.find("/api/v1/orders/" + orderId),
                    found -> found != null && unaccounted(found) == null);
            assertThat(order.path("siteId").asString()).isEqualTo(SITE);
            if (order.path("fulfillments").size() > 0) {
                assigned++;
            }
        }
        assertThat(assigned).as("orders given to a store").isPositive();
    }

    private void givenStoresProductsAndStock() throws Exception {
        List<Map<String, Object>> stores = new ArrayList<>();
        for (int s = 0; s < STORES.size(); s++) {
            stores.add(Map.of("storeId", STORES.get(s), "name", "Load journey store " + (s + 1), "latitude",
                    -23.55 + s * 0.02, "longitude", -46.63 - s * 0.02, "journeys", List.of("SHIP_FROM_STORE"),
                    "dailyCapacity", 1_000_000, "priority", 1 + s, "active", true));
        }
        HttpResponse<String> put = operator.send("PUT", "/api/v1/stores", "application/json",
                JSON.writeValueAsBytes(Map.of("stores", stores)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<String> profile = operator.send("PUT", "/api/v1/routing-profiles/" + SITE, "application/json",
                JSON.writeValueAsBytes(Map.of("filters", List.of("SERVES_JOURNEY", "CAPACITY_TODAY"), "ranking",
                        List.of("FEWEST_SPLITS", "DISTANCE", "STOCK_DEPTH"), "splitAllowed", true, "maxSplits", 2,
                        "acceptanceDeadline", "PT2H")));
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        List<Map<String, Object>> products = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            products.add(Map.of("reference", "LOADJ-" + (p + 1), "ean", eans.get(p), "name", "Carga " + (p + 1),
                    "price", 59.90, "discountedPrice", 49.90));
        }
        assertThat(erp.postJson("/api/v1/products", JSON.writeValueAsBytes(Map.of("items", products))).statusCode())
                .isEqualTo(202);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String store : STORES) {
            for (String ean : eans) {
                rows.add(Map.of("ean", ean, "storeId", store, "quantity", 10));
            }
        }
        assertThat(erp.postJson("/api/v1/stock?mode=partial", JSON.writeValueAsBytes(Map.of("asOf",
                Instant.now().minusSeconds(60).toString(), "items", rows))).statusCode()).isEqualTo(202);
        for (String ean : eans) {
            Map<String, Object> probe = new LinkedHashMap<>(order("probe"));
            probe.put("lines", List.of(Map.of("ean", ean, "quantity", 1, "unitPrice", 49.90)));
            byte[] body = JSON.writeValueAsBytes(probe);
            await().atMost(PATIENCE).until(() -> operator.json(operator.postJson("/api/v1/routing-profiles/" + SITE
                    + "/dry-run", body).body()).path("assignments").size() == 1);
        }
    }

    /** Null when every unit of every line is held by a live ASSIGNED fulfilment or unfulfillable; else what is not. */
    private static String unaccounted(JsonNode order) {
        Map<String, Long> held = new HashMap<>();
        for (JsonNode fulfillment : order.path("fulfillments")) {
            if (!fulfillment.path("rerouted").asBoolean() && "ASSIGNED".equals(fulfillment.path("status").asString())) {
                for (JsonNode line : fulfillment.path("lines")) {
                    held.merge(line.path("ean").asString(), line.path("quantity").asLong(), Long::sum);
                }
            }
        }
        for (JsonNode line : order.path("lines")) {
            long unfulfillable = line.path("unfulfillable").asLong();
            if (held.getOrDefault(line.path("ean").asString(), 0L) + unfulfillable != line.path("quantity").asLong()) {
                return line.path("ean").asString() + " not yet accounted for";
            }
            if (unfulfillable > 0 && order.path("routing").isEmpty()) {
                return line.path("ean").asString() + " unfulfillable without a reason";
            }
        }
        return null;
    }

    private Map<String, Long> stockUpdate() {
        Map<String, Long> update = new LinkedHashMap<>();
        while (update.size() < ROWS_PER_UPDATE) {
            update.put(STORES.get(random.nextInt(STORES.size())) + "|" + eans.get(random.nextInt(PRODUCTS)),
                    (long) random.nextInt(8));
        }
        return update;
    }

    private static Map<String, Object> stockBody(Map<String, Long> update) {
        List<Map<String, Object>> rows = new ArrayList<>();
        update.forEach((pair, quantity) -> {
            String[] storeAndEan = pair.split("\\|");
            rows.add(Map.of("ean", storeAndEan[1], "storeId", storeAndEan[0], "quantity", quantity));
        });
        return Map.of("asOf", Instant.now().toString(), "items", rows);
    }

    private Map<String, Object> order(String channelOrderId) {
        List<Map<String, Object>> lines = new ArrayList<>();
        int first = random.nextInt(PRODUCTS);
        lines.add(Map.of("ean", eans.get(first), "quantity", 1 + random.nextInt(2), "unitPrice", 49.90));
        if (random.nextBoolean()) {
            lines.add(Map.of("ean", eans.get((first + 1 + random.nextInt(PRODUCTS - 1)) % PRODUCTS), "quantity", 1,
                    "unitPrice", 49.90));
        }
        return Map.of("siteId", SITE, "channelOrderId", channelOrderId, "journey", "SHIP_FROM_STORE",
                "customer", Map.of("name", "Cliente Carga", "document", "52998224725"),
                "shippingAddress", Map.of("street", "Rua da Carga, 1", "city", "São Paulo", "state", "SP",
                        "postalCode", "01310-100", "latitude", -23.56, "longitude", -46.64),
                "lines", lines);
    }

    private Long onHand(String storeId, String ean) throws Exception {
        JsonNode stock = erp.find("/api/v1/stock/" + ean);
        if (stock != null) {
            for (JsonNode store : stock.path("stores")) {
                if (store.path("storeId").asString().equals(storeId)) {
                    return store.path("onHand").asLong();
                }
            }
        }
        return null;
    }

    private static HttpResponse<String> post(Erp client, String path, Object body) {
        try {
            return client.postJson(path, JSON.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GTIN-13s of this journey alone (7897770000xx, GS1 check digit). */
    private static List<String> eans() {
        List<String> eans = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            String digits = String.format("%012d", 789_777_000_100L + p);
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            eans.add(digits + (10 - sum % 10) % 10);
        }
        return List.copyOf(eans);
    }
}
