package io.omnihub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rate limits per key: the channel's key has a burst of 3 and one request every 10 s here. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnihub.gateway.rate-limit.clients.client-channel.capacity=3",
        "omnihub.gateway.rate-limit.clients.client-channel.per-second=0.1"})
class RateLimitIT {

    private static final ServiceStub SERVICE = ServiceStub.start("any-service");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        for (String variable : new String[] {"INGEST_URL", "CATALOG_URL", "INVENTORY_URL", "ORDER_URL", "COUPON_URL"}) {
            registry.add(variable, SERVICE::url);
        }
    }

    @AfterAll
    static void stopStub() {
        SERVICE.close();
    }

    @Test
    void answers429ProblemJsonWithRetryAfterOnceAKeyUsedItsBurstAndLeavesOtherKeysAlone() {
        var channel = GatewayClient.on(port, TestKeys.CHANNEL);
        for (int i = 0; i < 3; i++) {
            channel.get().uri("/api/v1/products/REF-" + i).exchange().expectStatus().isOk();
        }
        int reached = SERVICE.received().size();

        var refused = channel.get().uri("/api/v1/products/REF-4").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.detail").isEqualTo("The API key of client-channel is over its rate limit (3 requests "
                        + "at once, 0.1 a second). Retry after 10 s.")
                .jsonPath("$.instance").isEqualTo("/api/v1/products/REF-4")
                .returnResult();

        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(SERVICE.received()).as("the refused request never reached the service").hasSize(reached);
        GatewayClient.on(port, TestKeys.ERP).get().uri("/api/v1/products/REF-5").exchange()
                .expectStatus().isOk();
    }

    @Test
    void spendsNoTokenOnARequestWithoutAValidKey() {
        for (int i = 0; i < 5; i++) {
            GatewayClient.on(port, "wrong-key").get().uri("/api/v1/products/REF-1").exchange()
                    .expectStatus().isUnauthorized();
        }
    }
}
