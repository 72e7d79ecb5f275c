package io.omnihub.testsupport;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.contracts.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Identities as the gateway would sign them, for tests that call a service directly. Every Spring Boot test
 * with test-support on its classpath gets {@link #SECRET} as the identity secret, and its TestRestTemplate
 * sends {@link #OPERATOR} unless a request carries its own {@link IdentityToken#HEADER}.
 */
public final class TestIdentities {

    public static final String SECRET = "omnihub-test-identity-secret-not-for-production";
    public static final Identity OPERATOR = new Identity("test-operator", Set.of(Role.OPERATOR),
            Set.of(Identity.ALL_STORES));

    private static final IdentityToken TOKENS = new IdentityToken(SECRET);

    private TestIdentities() {
    }

    public static Identity store(String storeId) {
        return new Identity("test-store-" + storeId, Set.of(Role.STORE), Set.of(storeId));
    }

    public static Identity of(Role role, String... stores) {
        return new Identity("test-" + role.name().toLowerCase(), Set.of(role),
                stores.length == 0 ? Set.of(Identity.ALL_STORES) : Set.of(stores));
    }

    /** The value of the {@link IdentityToken#HEADER} header for {@code identity}, valid for ten minutes. */
    public static String tokenFor(Identity identity) {
        return TOKENS.sign(identity, Instant.now().plus(Duration.ofMinutes(10)));
    }
}
