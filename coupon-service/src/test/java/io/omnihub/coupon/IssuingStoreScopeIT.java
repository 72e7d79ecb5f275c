package io.omnihub.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.testsupport.TestIdentities;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Redeem scope ISSUING_STORE: a store key sees and redeems only the coupons its stores issued. Its own application
 * and broker, closed after the class so that only the shared one is left for the end of the run.
 */
@DirtiesContext
@TestPropertySource(properties = "omnihub.coupons.redeem-scope=ISSUING_STORE")
class IssuingStoreScopeIT extends EmbeddedCoupons {

    private static final Identity LJ001 = TestIdentities.store("LJ001");
    private static final Identity LJ002 = TestIdentities.store("LJ002");

    @Test
    void aStoreDoesNotSeeAnotherStoresCoupon() {
        String code = issued(Cpfs.fresh(), "40", "LJ001");

        assertProblem(get("/api/v1/coupons/" + code, LJ002), HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/coupons/" + code, LJ001).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aStoreCannotRedeemAnotherStoresCouponEvenAtItsOwnStore() {
        String code = issued(Cpfs.fresh(), "40", "LJ001");

        assertProblem(patch(code, redeem("15", "LJ002"), LJ002), HttpStatus.FORBIDDEN);

        assertThat(coupon(code).path("balance").decimalValue()).isEqualByComparingTo("40.00");
        ResponseEntity<JsonNode> own = patch(code, redeem("15", "LJ001"), LJ001);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().path("balance").decimalValue()).isEqualByComparingTo("25.00");
    }

    @Test
    void aStoreListsOnlyItsOwnCoupons() {
        String cpf = Cpfs.fresh();
        String mine = issued(cpf, "10", "LJ002");
        issued(cpf, "10", "LJ001");

        ResponseEntity<JsonNode> listed = get("/api/v1/coupons?customer=" + cpf, LJ002);

        assertThat(listed.getBody().path("items").valueStream().map(item -> item.path("code").asString()))
                .containsExactly(mine);
        assertProblem(get("/api/v1/coupons?customer=" + cpf + "&store=LJ001", LJ002), HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/coupons?customer=" + cpf, TestIdentities.OPERATOR).getBody().path("totalItems")
                .asLong()).isEqualTo(2);
    }
}
