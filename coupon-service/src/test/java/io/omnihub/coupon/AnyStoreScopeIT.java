package io.omnihub.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import io.omnihub.testsupport.TestIdentities;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Redeem scope ANY_STORE (the default): a store key sees any coupon and spends it at its own stores. */
class AnyStoreScopeIT extends EmbeddedCoupons {

    private static final Identity LJ001 = TestIdentities.store("LJ001");
    private static final Identity LJ002 = TestIdentities.store("LJ002");

    @Test
    void aStoreSeesAndRedeemsAnotherStoresCouponAtItsOwnStore() {
        String code = issued(Cpfs.fresh(), "40", "LJ001");

        assertThat(get("/api/v1/coupons/" + code, LJ002).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> redeemed = patch(code, redeem("15", "LJ002"), LJ002);

        assertThat(redeemed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(redeemed.getBody().path("balance").decimalValue()).isEqualByComparingTo("25.00");
    }

    @Test
    void aStoreCannotRedeemInTheNameOfAnotherStore() {
        String code = issued(Cpfs.fresh(), "40", "LJ001");

        assertProblem(patch(code, redeem("15", "LJ001"), LJ002), HttpStatus.FORBIDDEN);

        assertThat(coupon(code).path("balance").decimalValue()).isEqualByComparingTo("40.00");
    }

    @Test
    void aStoreIssuesOnlyInItsOwnName() {
        String cpf = Cpfs.fresh();

        assertProblem(issue(couponFor(cpf, "10", "LJ001"), LJ002, null), HttpStatus.FORBIDDEN);
        assertThat(issue(couponFor(cpf, "10", "LJ002"), LJ002, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void onlyTheIssuingStoreCancelsOrExtends() {
        String code = issued(Cpfs.fresh(), "40", "LJ001");
        String later = Instant.now().plus(200, ChronoUnit.DAYS).toString();

        assertProblem(patch(code, Map.of("action", "CANCEL", "reason", "MISTAKE"), LJ002), HttpStatus.FORBIDDEN);
        assertProblem(patch(code, Map.of("action", "EXTEND", "expiresAt", later), LJ002), HttpStatus.FORBIDDEN);

        assertThat(patch(code, Map.of("action", "EXTEND", "expiresAt", later), LJ001).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(patch(code, Map.of("action", "CANCEL", "reason", "MISTAKE"), LJ001).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aStoreListsEveryStoresCouponsOfACustomer() {
        String cpf = Cpfs.fresh();
        issued(cpf, "10", "LJ001");
        issued(cpf, "10", "LJ002");

        ResponseEntity<JsonNode> listed = get("/api/v1/coupons?customer=" + cpf, LJ002);

        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody().path("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void aStoreBrowsingWithoutACustomerSeesOnlyItsOwnStoresCoupons() {
        String mine = issued(Cpfs.fresh(), "10", "LJ002");
        issued(Cpfs.fresh(), "10", "LJ001");

        ResponseEntity<JsonNode> listed = get("/api/v1/coupons?status=ACTIVE&size=200", LJ002);

        assertThat(listed.getBody().path("items").valueStream().map(item -> item.path("issuingStoreId").asString()))
                .isNotEmpty().containsOnly("LJ002");
        assertThat(listed.getBody().path("items").valueStream().map(item -> item.path("code").asString()))
                .contains(mine);
        assertProblem(get("/api/v1/coupons?store=LJ001", LJ002), HttpStatus.FORBIDDEN);
    }

    @Test
    void anErpKeyOfEveryStoreRedeemsAnywhere() {
        String code = issued(Cpfs.fresh(), "40", "LJ001");

        assertThat(patch(code, redeem("1", "LJ003"), TestIdentities.of(Role.ERP)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
