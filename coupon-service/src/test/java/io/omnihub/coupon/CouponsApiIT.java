package io.omnihub.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.identity.Role;
import io.omnihub.testsupport.TestIdentities;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The coupons API end to end, with what each change puts on {@code coupons.lifecycle}. */
class CouponsApiIT extends EmbeddedCoupons {

    private static final String CODE = "[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}";

    @Autowired
    @Qualifier("couponRelay")
    SmartLifecycle relay;

    @Test
    void issuesACouponWithATypableCodeAndAnnouncesIt() {
        String cpf = Cpfs.fresh();
        Instant before = Instant.now();

        ResponseEntity<JsonNode> response = issue(couponFor(Cpfs.formatted(cpf), "333.14", "LJ001"),
                TestIdentities.OPERATOR, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode coupon = response.getBody();
        String code = coupon.path("code").asString();
        assertThat(code).matches(CODE);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/coupons/" + code);
        assertThat(coupon.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(coupon.path("customerDocument").asString()).isEqualTo(cpf);
        assertThat(coupon.path("amount").decimalValue()).isEqualByComparingTo("333.14");
        assertThat(coupon.path("balance").decimalValue()).isEqualByComparingTo("333.14");
        assertThat(coupon.path("currency").asString()).isEqualTo("BRL");
        assertThat(coupon.path("issuingStoreId").asString()).isEqualTo("LJ001");
        assertThat(Instant.parse(coupon.path("expiresAt").asString()))
                .isBetween(before.plus(Duration.ofDays(90)), Instant.now().plus(Duration.ofDays(90)));
        assertThat(coupon.path("history").get(0).path("type").asString()).isEqualTo("ISSUED");

        JsonNode event = awaitEvents(code, ISSUED, 1).get(0);
        assertThat(event.path("code").asString()).isEqualTo(code);
        assertThat(event.path("customerDocument").asString()).isEqualTo(cpf);
        assertThat(event.path("amount").decimalValue()).isEqualByComparingTo("333.14");
        assertThat(event.path("issuingStoreId").asString()).isEqualTo("LJ001");
        assertThat(event.path("expiresAt").asString()).isEqualTo(coupon.path("expiresAt").asString());
        ConsumerRecord<String, byte[]> record = topic.records(code).get(0);
        assertThat(CouponsTopic.header(record, "ce_id")).isEqualTo(code + ":1");
        assertThat(record.key()).isEqualTo(code);
    }

    @Test
    void eachEventCarriesTheCorrelationIdOfTheRequestThatMadeTheChange() {
        ResponseEntity<JsonNode> issuedBy = call(HttpMethod.POST, "/api/v1/coupons",
                couponFor(Cpfs.fresh(), "50", "LJ001"), TestIdentities.OPERATOR, null, "till-7-issue");
        String code = issuedBy.getBody().path("code").asString();
        call(HttpMethod.PATCH, "/api/v1/coupons/" + code, redeem("5", "LJ001"), TestIdentities.OPERATOR, null,
                "till-7-sale");

        awaitEvents(code, REDEEMED, 1);

        assertThat(topic.records(code)).extracting(record -> CouponsTopic.header(record, "correlation-id"))
                .containsExactly("till-7-issue", "till-7-sale");
    }

    @Test
    void aCouponIsFoundByItsCodeTypedInAnyCase() {
        String code = issued(Cpfs.fresh(), "10", "LJ001");

        JsonNode found = get("/api/v1/coupons/" + code.toLowerCase().replace("-", ""), TestIdentities.OPERATOR)
                .getBody();

        assertThat(found.path("code").asString()).isEqualTo(code);
    }

    @Test
    void answersEveryInvalidFieldOfACouponRequest() {
        Map<String, Object> invalid = couponFor("529.982.247-24", "-1", "LJ001");
        invalid.put("currency", "XYZ");
        invalid.put("reason", "");

        ResponseEntity<JsonNode> response = issue(invalid, TestIdentities.OPERATOR, null);

        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(errorFields(response)).containsExactly("customerDocument", "currency", "reason");
        assertProblem(issue(couponFor(Cpfs.fresh(), "10.001", "LJ001"), TestIdentities.OPERATOR, null),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameCouponOnce() {
        String cpf = Cpfs.fresh();
        Map<String, Object> body = couponFor(cpf, "50.00", "LJ001");

        ResponseEntity<JsonNode> first = issue(body, TestIdentities.OPERATOR, "return-slip-" + cpf);
        ResponseEntity<JsonNode> again = issue(body, TestIdentities.OPERATOR, "return-slip-" + cpf);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody().path("code").asString()).isEqualTo(first.getBody().path("code").asString());
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(list("customer=" + cpf).path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherRequestIsRefused() {
        String cpf = Cpfs.fresh();
        issue(couponFor(cpf, "50.00", "LJ001"), TestIdentities.OPERATOR, "slip-" + cpf);

        ResponseEntity<JsonNode> other = issue(couponFor(cpf, "60.00", "LJ001"), TestIdentities.OPERATOR,
                "slip-" + cpf);

        assertProblem(other, HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(list("customer=" + cpf).path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aPartialRedemptionLeavesTheBalanceAndIsInTheHistory() {
        String code = issued(Cpfs.fresh(), "333.14", "LJ001");

        ResponseEntity<JsonNode> response = patch(code, Map.of("action", "REDEEM", "amount", new BigDecimal("100.00"),
                "storeId", "LJ002", "redemptionId", "red-1"), TestIdentities.OPERATOR);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode coupon = coupon(code);
        assertThat(coupon.path("balance").decimalValue()).isEqualByComparingTo("233.14");
        assertThat(coupon.path("status").asString()).isEqualTo("ACTIVE");
        JsonNode redemption = coupon.path("redemptions").get(0);
        assertThat(redemption.path("redemptionId").asString()).isEqualTo("red-1");
        assertThat(redemption.path("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(redemption.path("balance").decimalValue()).isEqualByComparingTo("233.14");
        assertThat(redemption.path("storeId").asString()).isEqualTo("LJ002");
        assertThat(coupon.path("history").valueStream().map(change -> change.path("type").asString()))
                .containsExactly("ISSUED", "REDEEMED");
        assertThat(coupon.path("history").get(1).path("by").asString()).isEqualTo("test-operator");

        JsonNode event = awaitEvents(code, REDEEMED, 1).get(0);
        assertThat(event.path("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(event.path("balance").decimalValue()).isEqualByComparingTo("233.14");
        assertThat(event.path("storeId").asString()).isEqualTo("LJ002");
        assertThat(event.path("redemptionId").asString()).isEqualTo("red-1");
    }

    @Test
    void theWholeBalanceMayBeSpentAndThenTheCouponIsRedeemed() {
        String code = issued(Cpfs.fresh(), "20", "LJ001");

        patch(code, redeem("20", "LJ001"), TestIdentities.OPERATOR);

        JsonNode coupon = coupon(code);
        assertThat(coupon.path("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(coupon.path("status").asString()).isEqualTo("REDEEMED");
        assertProblem(patch(code, redeem("0.01", "LJ001"), TestIdentities.OPERATOR), HttpStatus.CONFLICT);
    }

    @Test
    void rejectsRedemptionBeyondBalanceSayingTheBalance() {
        String code = issued(Cpfs.fresh(), "50", "LJ001");
        patch(code, redeem("30", "LJ001"), TestIdentities.OPERATOR);

        ResponseEntity<JsonNode> beyond = patch(code, redeem("20.01", "LJ001"), TestIdentities.OPERATOR);

        assertProblem(beyond, HttpStatus.CONFLICT);
        assertThat(beyond.getBody().path("balance").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(beyond.getBody().path("currency").asString()).isEqualTo("BRL");
        assertThat(coupon(code).path("balance").decimalValue()).isEqualByComparingTo("20.00");
    }

    @Test
    void aRedemptionSentTwiceIsMadeOnce() {
        String code = issued(Cpfs.fresh(), "50", "LJ001");
        Map<String, Object> redemption = Map.of("action", "REDEEM", "amount", new BigDecimal("10"), "storeId",
                "LJ001", "redemptionId", "pos-77");

        ResponseEntity<JsonNode> first = patch(code, redemption, TestIdentities.OPERATOR);
        ResponseEntity<JsonNode> again = patch(code, redemption, TestIdentities.OPERATOR);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("balance").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(coupon(code).path("redemptions")).hasSize(1);
        assertProblem(patch(code, Map.of("action", "REDEEM", "amount", new BigDecimal("11"), "storeId", "LJ001",
                "redemptionId", "pos-77"), TestIdentities.OPERATOR), HttpStatus.CONFLICT);
    }

    @Test
    void theIdempotencyKeyOfARedemptionIsItsIdWhenItHasNone() {
        String code = issued(Cpfs.fresh(), "50", "LJ001");

        for (int i = 0; i < 2; i++) {
            ResponseEntity<JsonNode> response = call(HttpMethod.PATCH, "/api/v1/coupons/" + code,
                    redeem("5", "LJ001"), TestIdentities.OPERATOR, "till-3-sale-9");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        JsonNode coupon = coupon(code);
        assertThat(coupon.path("balance").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(coupon.path("redemptions").get(0).path("redemptionId").asString()).isEqualTo("till-3-sale-9");
    }

    @Test
    void concurrentRedemptionsNeverOverspend() throws Exception {
        // 500 redemptions of 0.30 against 100.00: exactly 333 fit, whatever the interleaving
        String code = issued(Cpfs.fresh(), "100.00", "LJ001");
        ExecutorService threads = Executors.newFixedThreadPool(50);
        List<Future<HttpStatus>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                Callable<HttpStatus> redemption = () -> HttpStatus.valueOf(
                        patch(code, redeem("0.30", "LJ002"), TestIdentities.OPERATOR).getStatusCode().value());
                answers.add(threads.submit(redemption));
            }
            int accepted = 0;
            int refused = 0;
            for (Future<HttpStatus> answer : answers) {
                HttpStatus status = answer.get();
                if (status == HttpStatus.OK) {
                    accepted++;
                } else if (status == HttpStatus.CONFLICT) {
                    refused++;
                }
            }

            assertThat(accepted + refused).isEqualTo(500);
            assertThat(accepted).isEqualTo(333);
            JsonNode coupon = coupon(code);
            assertThat(coupon.path("balance").decimalValue()).isEqualByComparingTo("0.10");
            assertThat(coupon.path("redemptions")).hasSize(accepted);
            BigDecimal spent = coupon.path("redemptions").valueStream().map(r -> r.path("amount").decimalValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(spent).isEqualByComparingTo("99.90");
            List<JsonNode> events = awaitEvents(code, REDEEMED, accepted);
            assertThat(events).hasSize(accepted);
            assertThat(events.get(events.size() - 1).path("balance").decimalValue()).isEqualByComparingTo("0.10");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCancelledCouponCannotBeRedeemed() {
        String code = issued(Cpfs.fresh(), "80", "LJ001");
        patch(code, redeem("30", "LJ001"), TestIdentities.OPERATOR);

        ResponseEntity<JsonNode> cancelled = patch(code, Map.of("action", "CANCEL", "reason", "CUSTOMER_REQUEST"),
                TestIdentities.OPERATOR);

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody().path("status").asString()).isEqualTo("CANCELLED");
        ResponseEntity<JsonNode> redemption = patch(code, redeem("1", "LJ001"), TestIdentities.OPERATOR);
        assertProblem(redemption, HttpStatus.CONFLICT);
        assertThat(redemption.getBody().path("couponStatus").asString()).isEqualTo("CANCELLED");
        JsonNode event = awaitEvents(code, CANCELLED, 1).get(0);
        assertThat(event.path("balance").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(event.path("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
    }

    @Test
    void aCouponIsExtendedOnlyToALaterExpiry() {
        String code = issued(Cpfs.fresh(), "80", "LJ001");
        Instant expiry = Instant.parse(coupon(code).path("expiresAt").asString());
        Instant later = expiry.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

        ResponseEntity<JsonNode> extended = patch(code, Map.of("action", "EXTEND", "expiresAt", later.toString()),
                TestIdentities.OPERATOR);

        assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Instant.parse(extended.getBody().path("expiresAt").asString())).isEqualTo(later);
        JsonNode event = awaitEvents(code, EXTENDED, 1).get(0);
        assertThat(Instant.parse(event.path("previousExpiry").asString())).isEqualTo(expiry);
        assertThat(Instant.parse(event.path("expiresAt").asString())).isEqualTo(later);
        assertProblem(patch(code, Map.of("action", "EXTEND", "expiresAt", expiry.toString()),
                TestIdentities.OPERATOR), HttpStatus.CONFLICT);
    }

    @Test
    void anExpiredCouponChangesStateOnItsOwnOnceAndCannotBeRedeemed() {
        String cpf = Cpfs.fresh();
        Map<String, Object> body = couponFor(cpf, "25", "LJ001");
        body.put("expiresAt", Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS).toString());
        String code = issue(body, TestIdentities.OPERATOR, null).getBody().path("code").asString();

        JsonNode event = awaitEvents(code, EXPIRED, 1).get(0);

        assertThat(event.path("balance").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(event.path("expiredAt").asString()).isEqualTo(body.get("expiresAt"));
        assertThat(coupon(code).path("status").asString()).isEqualTo("EXPIRED");
        ResponseEntity<JsonNode> redemption = patch(code, redeem("1", "LJ001"), TestIdentities.OPERATOR);
        assertProblem(redemption, HttpStatus.CONFLICT);
        assertThat(redemption.getBody().path("detail").asString()).contains("expired");
        // the sweep runs every 200 ms: for a second and a half, it announces nothing more
        await().during(Duration.ofMillis(1500)).atMost(PATIENCE)
                .until(() -> topic.poll().events(code, EXPIRED).size() == 1);
        assertThat(list("customer=" + cpf + "&status=EXPIRED").path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void listsACustomersCouponsByStatusAndStoreAPageAtATime() {
        String cpf = Cpfs.fresh();
        String first = issued(cpf, "10", "LJ001");
        String second = issued(cpf, "20", "LJ001");
        String third = issued(cpf, "30", "LJ002");
        issued(Cpfs.fresh(), "40", "LJ001");
        patch(second, redeem("20", "LJ001"), TestIdentities.OPERATOR);
        patch(third, Map.of("action", "CANCEL", "reason", "MISTAKE"), TestIdentities.OPERATOR);

        JsonNode all = list("customer=" + cpf);
        assertThat(codes(all)).containsExactlyInAnyOrder(first, second, third);
        List<Instant> issuedAt = all.path("items").valueStream()
                .map(item -> Instant.parse(item.path("issuedAt").asString())).toList();
        assertThat(issuedAt).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(codes(list("customer=" + Cpfs.formatted(cpf) + "&status=ACTIVE"))).containsExactly(first);
        assertThat(codes(list("customer=" + cpf + "&status=redeemed"))).containsExactly(second);
        assertThat(codes(list("customer=" + cpf + "&status=CANCELLED"))).containsExactly(third);
        assertThat(codes(list("customer=" + cpf + "&store=LJ001"))).containsExactlyInAnyOrder(first, second);
        JsonNode firstPage = list("customer=" + cpf + "&size=2&page=0");
        JsonNode secondPage = list("customer=" + cpf + "&size=2&page=1");
        assertThat(codes(firstPage)).hasSize(2);
        assertThat(codes(secondPage)).hasSize(1);
        List<String> paged = new ArrayList<>(codes(firstPage));
        paged.addAll(codes(secondPage));
        assertThat(paged).containsExactlyInAnyOrder(first, second, third);
        assertThat(secondPage.path("totalItems").asLong()).isEqualTo(3);
        assertThat(secondPage.path("totalPages").asLong()).isEqualTo(2);
        assertThat(list("customer=" + cpf + "&status=ACTIVE").path("items").get(0).path("balance").decimalValue())
                .isEqualByComparingTo("10.00");
    }

    @Test
    void answersProblemJsonForUnknownCodesAndBadRequests() {
        assertProblem(get("/api/v1/coupons/K7QM-4XPD-92HT", TestIdentities.OPERATOR), HttpStatus.NOT_FOUND);
        assertProblem(get("/api/v1/coupons/NOT-A-CODE", TestIdentities.OPERATOR), HttpStatus.BAD_REQUEST);
        assertProblem(get("/api/v1/coupons?customer=123", TestIdentities.OPERATOR), HttpStatus.BAD_REQUEST);
        assertProblem(get("/api/v1/coupons?status=LOST&size=0", TestIdentities.OPERATOR), HttpStatus.BAD_REQUEST);
        String code = issued(Cpfs.fresh(), "10", "LJ001");
        ResponseEntity<JsonNode> unknownAction = patch(code, Map.of("action", "DOUBLE"), TestIdentities.OPERATOR);
        assertProblem(unknownAction, HttpStatus.BAD_REQUEST);
        assertThat(errorFields(unknownAction)).containsExactly("action");
        assertProblem(patch(code, Map.of("action", "REDEEM", "amount", new BigDecimal("1")), TestIdentities.OPERATOR),
                HttpStatus.BAD_REQUEST);
        assertProblem(patch(code, Map.of("action", "CANCEL"), TestIdentities.OPERATOR), HttpStatus.BAD_REQUEST);
        assertProblem(patch(code, Map.of("action", "EXTEND", "expiresAt", "2020-01-01T00:00:00Z"),
                TestIdentities.OPERATOR), HttpStatus.BAD_REQUEST);
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.path("paths").has("/api/v1/coupons/{code}")).isTrue();
    }

    @Test
    void aChannelKeyHandlesNoCoupons() {
        String code = issued(Cpfs.fresh(), "10", "LJ001");

        assertProblem(get("/api/v1/coupons/" + code, TestIdentities.of(Role.CHANNEL)), HttpStatus.FORBIDDEN);
        assertProblem(issue(couponFor(Cpfs.fresh(), "10", "LJ001"), TestIdentities.of(Role.CHANNEL), null),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void aChangeStoredWhileTheRelayIsDownIsPublishedOnceItRuns() {
        relay.stop();
        String code;
        try {
            // the coupon and its history are stored, as if the process died before it could relay them
            code = issued(Cpfs.fresh(), "15", "LJ001");
            patch(code, redeem("5", "LJ001"), TestIdentities.OPERATOR);
            for (int poll = 0; poll < 4; poll++) {
                assertThat(topic.poll().records(code)).isEmpty();
            }
        } finally {
            relay.start();
        }

        await().atMost(PATIENCE).until(() -> topic.poll().types(code), types -> types.size() == 2);
        assertThat(topic.types(code)).containsExactly(ISSUED, REDEEMED);
        assertThat(topic.records(code)).extracting(record -> CouponsTopic.header(record, "ce_id"))
                .containsExactly(code + ":1", code + ":2");
    }

    private JsonNode list(String query) {
        ResponseEntity<JsonNode> response = get("/api/v1/coupons?" + query, TestIdentities.OPERATOR);
        assertThat(response.getStatusCode()).as(query + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> codes(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("code").asString()).toList();
    }
}
