package io.omnihub.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.localstack.LocalStack;
import io.omnihub.system.faults.ErpStandIn.Fail;
import io.omnihub.system.faults.ErpStandIn.Outcome;
import io.omnihub.system.faults.ErpStandIn.Served;
import io.omnihub.system.faults.ErpStandIn.Slow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A slow and failing ERP: while ingest pulls stock pages from it, and while order-service pushes assignments to a
 * store's ERP endpoint. Nothing is lost, the API keeps answering, and what failed is tried again later.
 */
@Order(1)
class ErpFaultsIT {

    private static final String PUSH_STORE = "FKP";
    private static final String SITE = "site-faults";

    private final Scale scale = Scale.current();
    private final LocalStack stack = FaultStack.get();
    private final ErpStandIn erpApi = FaultStack.erp();
    private final Client operator = new Client(stack, "dev-operator");
    private final Client erp = new Client(stack, "dev-erp");
    private final Client channel = new Client(stack, "dev-channel");

    @Test
    void aPullThatMeetsASlowThenFailingErpStopsAtThatPageAndTheNextRunResumesThere() throws Exception {
        // given an ERP whose page 2 answers too late once and whose page 4 fails twice (every try of one run)
        Map<Integer, List<Map<String, Object>>> pages = new LinkedHashMap<>();
        Map<String, Long> expected = new HashMap<>();
        for (int page = 1; page <= scale.pullPages(); page++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int row = 0; row < 100; row++) {
                String ean = Gtins.ean13(3_000_000 + page * 1000L + row);
                long quantity = page + row;
                items.add(Map.of("ean", ean, "storeId", "FKE", "quantity", quantity));
                expected.put(ean, quantity);
            }
            pages.put(page, items);
        }
        erpApi.servePages(pages);
        erpApi.planPage(2, new Slow(Duration.ofMillis(2500)));
        erpApi.planPage(4, new Fail(), new Fail());
        String path = "/api/v1/integrations/" + FaultStack.PULL;

        // when a run starts
        operator.call("POST", path + "/runs", null, 202);

        // then it stops at page 4, and the integration's state says so (the API keeps answering)
        JsonNode interrupted = await("the run interrupted").atMost(scale.patience())
                .until(() -> operator.find(path), state -> state != null
                        && "INTERRUPTED".equals(state.path("status").asString()));
        assertThat(interrupted.path("nextPage").asInt()).isEqualTo(4);
        assertThat(interrupted.path("lastError").asString()).isNotBlank();

        // when runs are started again later (as the schedule would) until one completes
        JsonNode done = await("a later run to complete").atMost(scale.patience()).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    JsonNode state = operator.find(path);
                    if (state != null && "INTERRUPTED".equals(state.path("status").asString())) {
                        operator.send("POST", path + "/runs", null);
                    }
                    return state;
                }, state -> state != null && "IDLE".equals(state.path("status").asString())
                        && !state.path("lastCompletedAt").isNull());
        assertThat(done.path("runId").asString()).isEqualTo(interrupted.path("runId").asString());

        // then the later run resumed at page 4: the pages before it were fetched once, and every row is in stock
        Map<String, Long> okByPage = erpApi.pulls().stream().filter(served -> served.outcome() == Outcome.OK)
                .collect(Collectors.groupingBy(Served::what, Collectors.counting()));
        for (int page = 1; page <= scale.pullPages(); page++) {
            if (page != 2) {
                assertThat(okByPage.get(Integer.toString(page))).as("page " + page + " fetched").isEqualTo(1L);
            }
        }
        assertThat(erpApi.pulls()).filteredOn(served -> served.what().equals("4"))
                .extracting(Served::outcome).startsWith(Outcome.FAILED, Outcome.FAILED);
        await("the pulled figures in inventory").atMost(scale.patience()).pollInterval(Duration.ofSeconds(2))
                .until(() -> onHand(erp.stockOf("FKE")), expected::equals);
    }

    @Test
    void assignmentsPushedToAFailingThenSlowStoreErpArriveOnceItAnswersAndPollingShowsThemMeanwhile()
            throws Exception {
        // given a store whose ERP endpoint fails four times, then answers too late once, then works
        String ean = Gtins.ean13(3_900_000);
        String reference = "FK-PUSH-1";
        operator.call("PUT", "/api/v1/stores/" + PUSH_STORE, Map.of("name", "Loja Falha", "latitude", -23.56,
                "longitude", -46.65, "journeys", List.of("SHIP_FROM_STORE"), "dailyCapacity", 1000, "priority", 1,
                "active", true, "erpEndpoint", Map.of("url", erpApi.url("/push/" + PUSH_STORE),
                        "headerName", "Authorization", "headerValue", "Bearer fault-tests")), 200);
        operator.call("PUT", "/api/v1/routing-profiles/" + SITE, Map.of("filters", List.of("SERVES_JOURNEY"),
                "ranking", List.of("PRIORITY"), "splitAllowed", false, "maxSplits", 1,
                "acceptanceDeadline", "PT1H"), 200);
        erp.call("POST", "/api/v1/products", Map.of("items", List.of(Map.of("reference", reference, "ean", ean,
                "name", "Produto Falha", "price", 100.00, "discountedPrice", 90.00))), 202);
        erp.call("POST", "/api/v1/stock?mode=partial", Map.of("items", List.of(Map.of("ean", ean,
                "storeId", PUSH_STORE, "quantity", 1000))), 202);
        await("routing to see the stock").atMost(scale.patience()).until(() -> Client.JSON.readTree(operator.send(
                "POST", "/api/v1/routing-profiles/" + SITE + "/dry-run", order("dry-run", reference)).body())
                .path("assignments").findValuesAsString("storeId"), stores -> stores.contains(PUSH_STORE));
        erpApi.planPushes(new Fail(), new Fail(), new Fail(), new Fail(), new Slow(Duration.ofMillis(2500)));

        // when a channel places orders
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < scale.orders(); i++) {
            String channelOrderId = "FK-" + UUID.randomUUID();
            orderIds.add(channel.call("POST", "/api/v1/orders", order(channelOrderId, reference), 202)
                    .path("orderId").asString());
        }

        // then the store's polling lists every assignment, whatever its ERP endpoint does
        List<String> fulfillments = await("every order assigned to " + PUSH_STORE).atMost(scale.patience())
                .until(() -> assigned(orderIds), found -> found.size() == orderIds.size());

        // and every assignment reaches the ERP endpoint, once it answers, exactly once successfully
        await("every assignment pushed").atMost(scale.patience()).until(() -> pushedOk().keySet()
                .containsAll(fulfillments.stream().map(id -> id + ":assigned").toList()));
        Map<String, Long> pushed = pushedOk();
        fulfillments.forEach(id -> assertThat(pushed.get(id + ":assigned")).as(id).isEqualTo(1L));
        assertThat(erpApi.pushes()).extracting(Served::outcome).startsWith(Outcome.FAILED, Outcome.FAILED,
                Outcome.FAILED, Outcome.FAILED);
    }

    private Map<String, Long> pushedOk() {
        return erpApi.pushes().stream().filter(served -> served.outcome() == Outcome.OK)
                .collect(Collectors.groupingBy(Served::what, Collectors.counting()));
    }

    /** The fulfilment ids of these orders that the store's polling lists as ASSIGNED. */
    private List<String> assigned(List<String> orderIds) throws InterruptedException {
        JsonNode page = erp.find("/api/v1/stores/" + PUSH_STORE + "/fulfillments?status=ASSIGNED&size=200");
        List<String> ids = new ArrayList<>();
        if (page != null) {
            page.path("items").forEach(item -> {
                if (orderIds.contains(item.path("orderId").asString())) {
                    ids.add(item.path("fulfillmentId").asString());
                }
            });
        }
        return ids;
    }

    private static Map<String, Long> onHand(Map<String, JsonNode> stock) {
        Map<String, Long> onHand = new HashMap<>();
        stock.forEach((ean, item) -> onHand.put(ean, item.path("onHand").asLong()));
        return onHand;
    }

    private static Map<String, Object> order(String channelOrderId, String reference) {
        return Map.of("siteId", SITE, "channelOrderId", channelOrderId, "journey", "SHIP_FROM_STORE",
                "customer", Map.of("name", "Ana Souza", "document", "52998224725", "email", "ana@example.com"),
                "shippingAddress", Map.of("street", "Av. Paulista, 1000", "city", "São Paulo", "state", "SP",
                        "postalCode", "01310-100", "latitude", -23.5614, "longitude", -46.6559),
                "lines", List.of(Map.of("reference", reference, "quantity", 1, "unitPrice", 90.00)));
    }
}
