package io.omnihub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.contracts.identity.Role;
import io.omnihub.gateway.ServiceStub.Received;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** API keys at the gateway: who gets in, with which identity, and what the services receive. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeySecurityIT {

    private static final ServiceStub ORDERS = ServiceStub.start("order-service");
    private static final ServiceStub OTHERS = ServiceStub.start("other");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", OTHERS::url);
        registry.add("CATALOG_URL", OTHERS::url);
        registry.add("INVENTORY_URL", OTHERS::url);
        registry.add("ORDER_URL", ORDERS::url);
        registry.add("COUPON_URL", OTHERS::url);
    }

    @AfterAll
    static void stopStubs() {
        ORDERS.close();
        OTHERS.close();
    }

    @Test
    void refusesARequestWithoutAKeyWith401ProblemJsonBeforeAnyServiceIsCalled() {
        int before = ORDERS.received().size();

        GatewayClient.on(port, null).get().uri("/api/v1/orders/ord-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.detail").isEqualTo("No API key: send it in the X-Api-Key header.")
                .jsonPath("$.instance").isEqualTo("/api/v1/orders/ord-1");
        assertThat(ORDERS.received()).hasSize(before);
    }

    @Test
    void refusesAnUnknownKeyWith401EvenOnAPathThatMatchesNoRoute() {
        for (String path : List.of("/api/v1/orders/ord-1", "/api/v1/nothing-here")) {
            GatewayClient.on(port, "dev-operator-guess").get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail")
                    .isEqualTo("The API key is not valid (unknown, revoked or rotated).");
        }
    }

    @Test
    void refusesTheRightKeyOnARouteOfAnotherRoleWith403ProblemJson() {
        int before = ORDERS.received().size();

        GatewayClient.on(port, TestKeys.STORE_LJ001).put().uri("/api/v1/routing-profiles/site-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.title").isEqualTo("Forbidden")
                .jsonPath("$.detail").isEqualTo("The API key of client-store-LJ001 (roles [STORE]) may not use this "
                        + "route; it needs one of the roles [OPERATOR].");
        assertThat(ORDERS.received()).hasSize(before);
    }

    @Test
    void handsTheServiceTheKeysIdentitySignedAndNeverTheKey() {
        GatewayClient.on(port, TestKeys.STORE_LJ001).get().uri("/api/v1/fulfillments/ful-LJ001-1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.client").isEqualTo("client-store-LJ001")
                .jsonPath("$.stores[0]").isEqualTo("LJ001");

        Received received = last(ORDERS);
        assertThat(received.apiKey()).as("the key stays at the gateway").isNull();
        assertThat(received.identity())
                .isEqualTo(new Identity("client-store-LJ001", Set.of(Role.STORE), Set.of("LJ001")));
    }

    @Test
    void replacesAnIdentityHeaderTheClientForged() {
        String forged = new IdentityToken(TestKeys.IDENTITY_SECRET).sign(
                new Identity("client-store-LJ001", Set.of(Role.OPERATOR), Set.of(Identity.ALL_STORES)),
                Instant.now().plusSeconds(60));

        GatewayClient.on(port, TestKeys.STORE_LJ001).get().uri("/api/v1/fulfillments/ful-LJ002-1")
                .header(IdentityToken.HEADER, forged).exchange()
                // the stub, like a service, refuses: it got the key's own identity, not the forged one
                .expectStatus().isForbidden();

        assertThat(last(ORDERS).identity().stores()).containsExactly("LJ001");
    }

    @Test
    void dropsAForgedIdentityHeaderOnRequestsWithoutAKeyToo() {
        String forged = new IdentityToken(TestKeys.IDENTITY_SECRET).sign(
                new Identity("intruder", Set.of(Role.OPERATOR), Set.of(Identity.ALL_STORES)),
                Instant.now().plusSeconds(60));

        GatewayClient.on(port, null).get().uri("/api/v1/orders/ord-1").header(IdentityToken.HEADER, forged)
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAPathThatTheServiceWouldResolveToAnotherStoreWith400() {
        int before = OTHERS.received().size();

        GatewayClient.on(port, TestKeys.STORE_LJ001).get()
                .uri(URI.create("http://127.0.0.1:" + port + "/api/v1/stores/LJ001/%2e%2e/LJ002/stock")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(OTHERS.received()).hasSize(before);
    }

    @Test
    void writesTheKeysClientButNeverTheKeyInTheAccessLog(CapturedOutput output) {
        GatewayClient.on(port, TestKeys.ERP).get().uri("/api/v1/orders/ord-1")
                .header("X-Correlation-Id", "access-log-1").exchange()
                .expectStatus().isOk();
        GatewayClient.on(port, "not-a-key-1234").get().uri("/api/v1/orders/ord-2")
                .header("X-Correlation-Id", "access-log-2").exchange()
                .expectStatus().isUnauthorized();

        assertThat(output.getOut()).contains("path=/api/v1/orders/ord-1 status=200")
                .containsPattern("route=order-reads client=client-erp correlationId=access-log-1")
                .containsPattern("path=/api/v1/orders/ord-2 status=401 durationMs=\\d+ route=- client=- "
                        + "correlationId=access-log-2")
                .doesNotContain("=" + TestKeys.ERP + " ").doesNotContain("not-a-key-1234");
    }

    @Test
    void servesTheProbesWithoutAKey() {
        GatewayClient.on(port, null).get().uri("/readyz").exchange().expectStatus().isOk();
    }

    private static Received last(ServiceStub stub) {
        List<Received> received = stub.received();
        return received.get(received.size() - 1);
    }
}
