package io.omnihub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.Topics;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API documentation at the gateway: public, without a key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocsIT {

    private static final List<String> SERVICES =
            List.of("ingest-service", "catalog-service", "inventory-service", "order-service", "coupon-service");
    private static final List<ServiceStub> STUBS = SERVICES.stream().map(ServiceStub::start).toList();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", STUBS.get(0)::url);
        registry.add("CATALOG_URL", STUBS.get(1)::url);
        registry.add("INVENTORY_URL", STUBS.get(2)::url);
        registry.add("ORDER_URL", STUBS.get(3)::url);
        registry.add("COUPON_URL", STUBS.get(4)::url);
    }

    @AfterAll
    static void stopStubs() {
        STUBS.forEach(ServiceStub::close);
    }

    @Test
    void proxiesEachServicesOpenApiDocumentWithoutAKeyOrAnIdentity() {
        for (String service : SERVICES) {
            GatewayClient.on(port, null).get().uri("/v3/api-docs/" + service).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.service").isEqualTo(service)
                    .jsonPath("$.path").isEqualTo("/v3/api-docs")
                    .jsonPath("$.client").isEmpty();
        }
    }

    @Test
    void keepsAKeySentAlongForTheDocumentsAtTheGateway() {
        GatewayClient.on(port, TestKeys.ERP).get().uri("/v3/api-docs/catalog-service").exchange()
                .expectStatus().isOk();

        List<ServiceStub.Received> received = STUBS.get(1).received();
        ServiceStub.Received last = received.get(received.size() - 1);
        assertThat(last.path()).isEqualTo("/v3/api-docs");
        assertThat(last.apiKey()).isNull();
        assertThat(last.identity()).isNull();
    }

    @Test
    void servesTheSwaggerUiListingEveryServicesDocument() {
        String config = GatewayClient.on(port, null).get().uri("/gateway/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        for (String service : SERVICES) {
            assertThat(config).contains("\"url\":\"/v3/api-docs/" + service + "\"");
        }

        GatewayClient.on(port, null).get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        GatewayClient.on(port, null).get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection();
    }

    @Test
    void servesTheAsyncApiDocumentOfTheTopics() {
        String document = GatewayClient.on(port, null).get().uri("/asyncapi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(document).contains("\"asyncapi\" : \"3.0.0\"");
        Topics.ALL.forEach(topic -> assertThat(document).contains("\"address\" : \"" + topic + "\""));
    }
}
