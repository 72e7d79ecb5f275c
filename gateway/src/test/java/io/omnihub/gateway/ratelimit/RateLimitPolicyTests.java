package io.omnihub.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTests {

    private static final Limit DEFAULT = new Limit(10, 5);
    private static final Limit ERP = new Limit(400, 200);
    private static final Limit STORE = new Limit(100, 50);
    private static final Limit ACME = new Limit(1000, 500);
    private static final RateLimitProperties PROPERTIES = new RateLimitProperties(true, DEFAULT,
            Map.of(Role.ERP, ERP, Role.STORE, STORE), Map.of("erp-acme", ACME));

    @Test
    void givesAClientItsOwnLimitFirst() {
        assertThat(RateLimitPolicy.limitFor(caller("erp-acme", Role.STORE), PROPERTIES)).isEqualTo(ACME);
    }

    @Test
    void givesAKeyTheMostGenerousLimitOfItsRoles() {
        assertThat(RateLimitPolicy.limitFor(caller("pos", Role.STORE), PROPERTIES)).isEqualTo(STORE);
        assertThat(RateLimitPolicy.limitFor(caller("both", Role.STORE, Role.ERP), PROPERTIES)).isEqualTo(ERP);
    }

    @Test
    void givesTheDefaultToAKeyWhoseRolesHaveNoLimit() {
        assertThat(RateLimitPolicy.limitFor(caller("site", Role.CHANNEL), PROPERTIES)).isEqualTo(DEFAULT);
    }

    private static Identity caller(String client, Role... roles) {
        return new Identity(client, Set.of(roles), Set.of("*"));
    }
}
