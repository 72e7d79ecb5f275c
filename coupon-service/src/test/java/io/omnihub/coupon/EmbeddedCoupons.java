package io.omnihub.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.testsupport.TestIdentities;
import io.omnihub.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on an in-process Kafka broker (three partitions, as in production) and a MongoDB-wire
 * server; one application context shared by every class that extends this one (redeem scope ANY_STORE, the
 * default). Classes keep apart by using customers (CPFs) of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "omnihub.kafka.retry.initial-interval=10ms", "omnihub.kafka.retry.max-interval=50ms",
                "omnihub.coupons.relay.interval=500ms", "omnihub.coupons.expiry-interval=200ms"})
@AutoConfigureTestRestTemplate
@EmbeddedKafka(partitions = 3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmbeddedCoupons {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String ISSUED = "io.omnihub.coupons.coupon-issued";
    static final String REDEEMED = "io.omnihub.coupons.coupon-redeemed";
    static final String CANCELLED = "io.omnihub.coupons.coupon-cancelled";
    static final String EXTENDED = "io.omnihub.coupons.coupon-extended";
    static final String EXPIRED = "io.omnihub.coupons.coupon-expired";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("coupons-" + UUID.randomUUID()));
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EmbeddedKafkaBroker kafka;

    CouponsTopic topic;
    OrdersTopic orders;

    @BeforeAll
    void clients() {
        topic = new CouponsTopic(kafka);
        orders = new OrdersTopic(kafka);
    }

    @AfterAll
    void closeClients() {
        topic.close();
        orders.close();
    }

    /** A coupon request body for the customer, of {@code amount} issued by {@code store}. */
    static Map<String, Object> couponFor(String cpf, String amount, String store) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerDocument", cpf);
        body.put("amount", new BigDecimal(amount));
        body.put("issuingStoreId", store);
        body.put("orderId", "ord-" + UUID.randomUUID());
        body.put("fulfillmentId", "ful-1");
        body.put("reason", "RETURN_IN_STORE");
        return body;
    }

    static Map<String, Object> redeem(String amount, String store) {
        return Map.of("action", "REDEEM", "amount", new BigDecimal(amount), "storeId", store);
    }

    /** Issues as the operator and answers the new coupon's code. */
    String issued(String cpf, String amount, String store) {
        ResponseEntity<JsonNode> response = issue(couponFor(cpf, amount, store), TestIdentities.OPERATOR, null);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("code").asString();
    }

    ResponseEntity<JsonNode> issue(Map<String, Object> body, Identity identity, String idempotencyKey) {
        return call(HttpMethod.POST, "/api/v1/coupons", body, identity, idempotencyKey);
    }

    ResponseEntity<JsonNode> patch(String code, Map<String, Object> body, Identity identity) {
        return call(HttpMethod.PATCH, "/api/v1/coupons/" + code, body, identity, null);
    }

    ResponseEntity<JsonNode> get(String path, Identity identity) {
        return call(HttpMethod.GET, path, null, identity, null);
    }

    JsonNode coupon(String code) {
        ResponseEntity<JsonNode> response = get("/api/v1/coupons/" + code, TestIdentities.OPERATOR);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, Identity identity,
            String idempotencyKey) {
        return call(method, path, body, identity, idempotencyKey, null);
    }

    /** As the gateway forwards a request: with the caller's correlation id when not null. */
    ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, Identity identity,
            String idempotencyKey, String correlationId) {
        HttpHeaders headers = new HttpHeaders();
        if (correlationId != null) {
            headers.set("X-Correlation-Id", correlationId);
        }
        headers.set(IdentityToken.HEADER, TestIdentities.tokenFor(identity));
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Waits until {@code count} events of the type reached the topic for the coupon; answers them. */
    List<JsonNode> awaitEvents(String code, String type, int count) {
        return await().atMost(PATIENCE).until(() -> topic.poll().events(code, type), events -> events.size() >= count);
    }

    static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(response.getHeaders().getContentType())).isTrue();
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().path("detail").asString()).isNotBlank();
    }

    static List<String> errorFields(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }
}
