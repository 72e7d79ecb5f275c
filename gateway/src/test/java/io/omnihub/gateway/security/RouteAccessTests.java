package io.omnihub.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.RouteDefinition;

class RouteAccessTests {

    @Test
    void readsTheRolesOfARouteAsTextAListOrAnIndexedMap() {
        Set<Role> expected = Set.of(Role.ERP, Role.OPERATOR);

        assertThat(RouteAccess.of(Map.of("roles", "ERP, operator")).roles()).isEqualTo(expected);
        assertThat(RouteAccess.of(Map.of("roles", List.of("ERP", "OPERATOR"))).roles()).isEqualTo(expected);
        assertThat(RouteAccess.of(Map.of("roles", Map.of("0", "ERP", "1", "OPERATOR"))).roles()).isEqualTo(expected);
    }

    @Test
    void isClosedUnlessItNamesRolesOrIsPublic() {
        assertThat(RouteAccess.of(Map.of())).isEqualTo(new RouteAccess(false, Set.of()));
        assertThat(RouteAccess.of(Map.of("public", true)).open()).isTrue();
        assertThat(RouteAccess.of(Map.of("public", "true")).open()).isTrue();
    }

    @Test
    void stopsTheGatewayForARouteWithoutRolesOrWithAnUnknownRole() {
        RouteDefinition forgotten = new RouteDefinition();
        forgotten.setId("new-route");
        RouteDefinition typo = new RouteDefinition();
        typo.setId("typo");
        typo.setMetadata(Map.of("roles", "ERP, OPERATRO"));

        assertThatThrownBy(() -> IdentityRelayFilter.checked(forgotten))
                .hasMessageContaining("route new-route has no 'roles' metadata");
        assertThatThrownBy(() -> IdentityRelayFilter.checked(typo))
                .hasMessageContaining("route typo: unknown role 'OPERATRO'");
    }
}
