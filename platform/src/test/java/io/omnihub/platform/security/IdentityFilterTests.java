package io.omnihub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.contracts.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;

class IdentityFilterTests {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Identity STORE_LJ001 = new Identity("loja-1", Set.of(Role.STORE), Set.of("LJ001"));

    private final IdentityToken tokens = new IdentityToken("the-secret-of-the-gateway-and-services");
    private final IdentityFilter filter = new IdentityFilter(tokens, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void letsAVerifiedIdentityThroughAndHandsItToTheController() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/stores/LJ001/fulfillments");
        request.addHeader(IdentityToken.HEADER, tokens.sign(STORE_LJ001, NOW.plusSeconds(30)));
        var chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(request.getAttribute(IdentityFilter.ATTRIBUTE)).isEqualTo(STORE_LJ001);
    }

    @Test
    void refusesARequestThatBypassedTheGatewayWith401ProblemJson() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/stores/LJ001/fulfillments");
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":401").contains("X-Api-Key");
    }

    @Test
    void refusesAForgedIdentityHeader() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/fulfillments/f-1/acceptance");
        request.addHeader(IdentityToken.HEADER, new IdentityToken("a-forger-does-not-know-the-real-secret")
                .sign(new Identity("me", Set.of(Role.OPERATOR), Set.of(Identity.ALL_STORES)), NOW.plusSeconds(30)));
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void storeScopeRefusesAnotherStoreWith403() {
        assertThatThrownBy(() -> StoreScope.requireStore(STORE_LJ001, "LJ002"))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
        StoreScope.requireStore(STORE_LJ001, "LJ001");
        assertThatThrownBy(() -> StoreScope.requireRole(STORE_LJ001, Role.OPERATOR))
                .isInstanceOf(ErrorResponseException.class);
    }
}
