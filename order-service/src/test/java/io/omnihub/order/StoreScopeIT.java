package io.omnihub.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import io.omnihub.testsupport.TestIdentities;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** A store's key never reaches another store's fulfilments, whichever endpoint it tries. */
class StoreScopeIT extends EmbeddedOrders {

    private static final String EAN = "7891000300014";
    private static final Identity OTHER_STORE = TestIdentities.store("LJ002");
    private static final Identity OWN_STORE = TestIdentities.store("LJ001");

    private String orderId;
    private String fulfillmentId;

    @BeforeAll
    void anOrderAssignedToLj001() {
        store("LJ001", -23.5614, -46.6559, 1, Map.of());
        store("LJ002", -23.567, -46.692, 2, Map.of());
        stock("LJ001", EAN, 3);
        org.awaitility.Awaitility.await().atMost(Kafka.PATIENCE).until(() -> post(
                "/api/v1/routing-profiles/site-scope/dry-run", orderBody("site-scope", "dry", "SHIP_FROM_STORE", null,
                        List.of(line(EAN, 1, 1.0)))).getBody().path("assignments").size() == 1);
        orderId = place(orderBody("site-scope", "ECOM-SCOPE-1", "SHIP_FROM_STORE", null, List.of(line(EAN, 1, 5.0))));
        fulfillmentId = awaitFulfillment(orderId, "LJ001", "ASSIGNED").path("fulfillmentId").asString();
    }

    @Test
    void anotherStoresKeyIsForbiddenOnEveryEndpointOfTheFulfillment() {
        assertForbidden(call(HttpMethod.GET, "/api/v1/fulfillments/" + fulfillmentId, null, OTHER_STORE));
        assertForbidden(call(HttpMethod.GET, "/api/v1/stores/LJ001/fulfillments?status=ASSIGNED", null, OTHER_STORE));
        assertForbidden(call(HttpMethod.POST, "/api/v1/fulfillments/" + fulfillmentId + "/acceptance",
                Map.of("decision", "ACCEPT_ALL"), OTHER_STORE));
        assertForbidden(call(HttpMethod.POST, "/api/v1/fulfillments/" + fulfillmentId + "/status",
                Map.of("status", "CANCELLED"), OTHER_STORE));
        assertForbidden(call(HttpMethod.POST, "/api/v1/fulfillments/" + fulfillmentId + "/returns",
                Map.of("lines", List.of(Map.of("ean", EAN, "quantity", 1))), OTHER_STORE));
        assertForbidden(call(HttpMethod.GET, "/api/v1/orders/" + orderId, null, OTHER_STORE));
        // and nothing changed
        assertThat(fulfillment(order(orderId), "LJ001", "ASSIGNED")).isNotNull();
    }

    @Test
    void theStoresOwnKeyReadsAndPollsItsFulfillment() {
        ResponseEntity<JsonNode> own = call(HttpMethod.GET, "/api/v1/fulfillments/" + fulfillmentId, null, OWN_STORE);
        ResponseEntity<JsonNode> polled = call(HttpMethod.GET, "/api/v1/stores/LJ001/fulfillments?status=1", null,
                OWN_STORE);

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().path("storeId").asString()).isEqualTo("LJ001");
        assertThat(polled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(polled.getBody().path("items")).extracting(item -> item.path("fulfillmentId").asString())
                .contains(fulfillmentId);
    }

    @Test
    void onlyOperatorsWriteStoresAndProfiles() {
        assertForbidden(call(HttpMethod.PUT, "/api/v1/stores/LJ009", Map.of("journeys", List.of("SHIP_FROM_STORE"),
                "dailyCapacity", 1, "priority", 1), TestIdentities.of(Role.CHANNEL)));
        assertForbidden(call(HttpMethod.PUT, "/api/v1/routing-profiles/site-x", Map.of("ranking", List.of(),
                "splitAllowed", false, "maxSplits", 1, "acceptanceDeadline", "PT1H"), OWN_STORE));
    }

    private static void assertForbidden(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
    }
}
