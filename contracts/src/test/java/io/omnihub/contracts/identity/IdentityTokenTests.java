package io.omnihub.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.identity.IdentityToken.InvalidIdentityException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityTokenTests {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Identity STORE_LJ001 = new Identity("loja-1-pos", Set.of(Role.STORE), Set.of("LJ001"));

    private final IdentityToken tokens = new IdentityToken("a-secret-shared-by-gateway-and-services");

    @Test
    void aSignedIdentityIsReadBackWhileItIsValid() {
        String token = tokens.sign(STORE_LJ001, NOW.plusSeconds(60));

        Identity identity = tokens.verify(token, NOW.plusSeconds(59));

        assertThat(identity).isEqualTo(STORE_LJ001);
        assertThat(identity.covers("LJ001")).isTrue();
        assertThat(identity.covers("LJ002")).isFalse();
    }

    @Test
    void refusesAnExpiredToken() {
        String token = tokens.sign(STORE_LJ001, NOW.plusSeconds(60));

        assertThatThrownBy(() -> tokens.verify(token, NOW.plusSeconds(60)))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("expired");
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String forged = new IdentityToken("somebody-else-s-secret-of-enough-length").sign(STORE_LJ001,
                NOW.plusSeconds(60));

        assertThatThrownBy(() -> tokens.verify(forged, NOW)).isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("not signed");
    }

    @Test
    void refusesATokenWhoseStoresWereWidened() {
        String token = tokens.sign(STORE_LJ001, NOW.plusSeconds(60));
        String widened = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"loja-1-pos\",\"roles\":[\"STORE\"],\"stores\":[\"*\"],\"exp\":9999999999}"
                        .getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));

        assertThatThrownBy(() -> tokens.verify(widened, NOW)).isInstanceOf(InvalidIdentityException.class);
    }

    @Test
    void refusesMissingAndMalformedTokens() {
        assertThatThrownBy(() -> tokens.verify(null, NOW)).hasMessageContaining("X-Api-Key");
        assertThatThrownBy(() -> tokens.verify("no-dot", NOW)).isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> tokens.verify("a.b.c", NOW)).isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> tokens.verify("!!!.???", NOW)).isInstanceOf(InvalidIdentityException.class);
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new IdentityToken("short")).hasMessageContaining("OMNIHUB_IDENTITY_SECRET");
    }

    @Test
    void anAllStoresIdentityCoversEveryStore() {
        var operator = new Identity("ops", Set.of(Role.OPERATOR), Set.of(Identity.ALL_STORES));

        assertThat(operator.covers("LJ999")).isTrue();
        assertThat(operator.hasAnyRole(Role.STORE, Role.OPERATOR)).isTrue();
        assertThat(operator.hasAnyRole(Role.STORE)).isFalse();
    }
}
