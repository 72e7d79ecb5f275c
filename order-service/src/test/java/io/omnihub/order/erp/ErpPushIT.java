package io.omnihub.order.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.omnihub.contracts.identity.Role;
import io.omnihub.order.EmbeddedOrders;
import io.omnihub.testsupport.TestIdentities;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A store's ERP endpoint (a real HTTP server on a free port) that is down for a while, then recovers: the
 * assignment is pushed once it is back, with the store's auth header, and polling shows it all along.
 */
class ErpPushIT extends EmbeddedOrders {

    private static final String STORE = "ERP-PUSH";
    private static final String EAN = "7891000200017";
    private static final int FAILURES = 5;

    private HttpServer erp;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeAll
    void erp() throws IOException {
        erp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        erp.createContext("/assignments", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int call = calls.incrementAndGet();
            int status = call <= FAILURES ? 503 : 200;
            if (status == 200) {
                received.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        erp.start();
    }

    @AfterAll
    void stopErp() {
        erp.stop(0);
    }

    @Test
    void anUnreachableErpGetsTheAssignmentOnceItRecoversAndPollingShowsItMeanwhile() {
        // given a store whose ERP wants assignments pushed, and is failing
        store(STORE, -23.5614, -46.6559, 1, Map.of("erpEndpoint", Map.of("url",
                "http://127.0.0.1:" + erp.getAddress().getPort() + "/assignments", "headerName", "Authorization",
                "headerValue", "Bearer erp-secret")));
        stock(STORE, EAN, 4);
        awaitDryRun("site-erp", STORE, EAN);

        // when an order is routed to it
        String orderId = place(orderBody("site-erp", "ECOM-ERP-1", "SHIP_FROM_STORE", null, List.of(line(EAN, 1, 10.0))));
        String fulfillmentId = awaitFulfillment(orderId, STORE, "ASSIGNED").path("fulfillmentId").asString();

        // then polling has it while the ERP is down, with the failures on record
        ResponseEntity<JsonNode> polled = call(HttpMethod.GET, "/api/v1/stores/" + STORE
                + "/fulfillments?status=ASSIGNED&siteId=site-erp", null, TestIdentities.store(STORE));
        assertThat(polled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(polled.getBody().path("items")).extracting(item -> item.path("fulfillmentId").asString())
                .contains(fulfillmentId);
        awaitOrder(orderId, order -> fulfillment(order, STORE, "ASSIGNED").path("erpPush").path("attempts")
                .asInt() >= 1 && fulfillment(order, STORE, "ASSIGNED").path("erpPush").path("lastError")
                .asString().contains("503"));

        // and once the ERP recovers it receives the assignment, authenticated, exactly as on Kafka
        JsonNode delivered = awaitOrder(orderId, order -> fulfillment(order, STORE, "ASSIGNED").path("erpPush")
                .path("state").asString().equals("DELIVERED"));
        assertThat(calls.get()).isGreaterThan(FAILURES);
        assertThat(received).hasSize(1);
        JsonNode body = io.omnihub.order.Kafka.JSON.readTree(received.get(0));
        assertThat(body.path("fulfillmentId").asString()).isEqualTo(fulfillmentId);
        assertThat(body.path("storeId").asString()).isEqualTo(STORE);
        assertThat(body.path("lines").get(0).path("ean").asString()).isEqualTo(EAN);
        assertThat(authorizations).containsExactly("Bearer erp-secret");
        assertThat(fulfillment(delivered, STORE, "ASSIGNED").path("erpPush").path("deliveredAt").asString())
                .isNotBlank();
        // the API never shows the secret
        JsonNode shown = call(HttpMethod.GET, "/api/v1/stores/" + STORE, null, TestIdentities.of(Role.OPERATOR))
                .getBody();
        assertThat(shown.toString()).doesNotContain("erp-secret");
        assertThat(shown.path("erpEndpoint").path("headerValueSet").asBoolean()).isTrue();
    }

    private void awaitDryRun(String site, String store, String ean) {
        org.awaitility.Awaitility.await().atMost(io.omnihub.order.Kafka.PATIENCE).until(() -> post(
                "/api/v1/routing-profiles/" + site + "/dry-run", orderBody(site, "dry", "SHIP_FROM_STORE", null,
                        List.of(line(ean, 1, 1.0)))).getBody().path("assignments"),
                assignments -> assignments.size() == 1 && assignments.get(0).path("storeId").asString().equals(store));
    }
}
