package io.omnihub.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessPolicyTests {

    private static final Identity STORE_LJ001 = new Identity("pos-lj001", Set.of(Role.STORE), Set.of("LJ001"));
    private static final Identity ERP_ALL = new Identity("erp", Set.of(Role.ERP), Set.of(Identity.ALL_STORES));
    private static final RouteAccess FULFILMENTS = new RouteAccess(false, Set.of(Role.STORE, Role.ERP, Role.OPERATOR));

    @ParameterizedTest
    @EnumSource(Role.class)
    void allowsEachRoleExactlyOnTheRoutesThatListIt(Role role) {
        Identity caller = new Identity("c", Set.of(role), Set.of(Identity.ALL_STORES));
        for (Role listed : Role.values()) {
            RouteAccess access = new RouteAccess(false, Set.of(listed));

            var refusal = AccessPolicy.refusal(caller, access, List.of("api", "v1", "orders"), Map.of());

            assertThat(refusal.isEmpty()).as("%s on a route for %s", role, listed).isEqualTo(role == listed);
        }
    }

    @Test
    void allowsAKeyWithSeveralRolesWhenAnyOfThemIsListed() {
        Identity caller = new Identity("c", EnumSet.of(Role.CHANNEL, Role.STORE), Set.of("LJ001"));

        assertThat(AccessPolicy.refusal(caller, FULFILMENTS, List.of("api", "v1", "fulfillments", "f1"), Map.of()))
                .isEmpty();
    }

    @Test
    void refusesARouteWithNoRolesToEveryone() {
        Identity operator = new Identity("op", Set.of(Role.values()), Set.of(Identity.ALL_STORES));

        assertThat(AccessPolicy.refusal(operator, new RouteAccess(false, Set.of()), List.of("api"), Map.of()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("op", "may not use this route"));
    }

    @Test
    void explainsARoleRefusalWithTheRolesTheRouteNeeds() {
        var refusal = AccessPolicy.refusal(STORE_LJ001, new RouteAccess(false, Set.of(Role.OPERATOR, Role.ERP)),
                List.of("api", "v1", "routing-profiles", "site-1"), Map.of());

        assertThat(refusal).hasValue("The API key of pos-lj001 (roles [STORE]) may not use this route; it needs "
                + "one of the roles [ERP, OPERATOR].");
    }

    static Stream<Arguments> storePaths() {
        return Stream.of(
                Arguments.of(List.of("api", "v1", "stores", "LJ001", "fulfillments"), true),
                Arguments.of(List.of("api", "v1", "stores", "LJ002", "fulfillments"), false),
                Arguments.of(List.of("api", "v1", "stores", "LJ002", "stock", "drift"), false),
                Arguments.of(List.of("api", "v1", "stores", "LJ002"), false),
                Arguments.of(List.of("api", "v1", "stores", "lj001", "stock"), false),
                Arguments.of(List.of("api", "v1", "stores", "LJ0010", "stock"), false),
                Arguments.of(List.of("api", "v1", "stores", "", "stock"), false),
                Arguments.of(List.of("api", "v1", "stores", "*", "stock"), false));
    }

    @ParameterizedTest
    @MethodSource("storePaths")
    void letsAStoreKeyReachOnlyItsOwnStoresPaths(List<String> path, boolean allowed) {
        var refusal = AccessPolicy.refusal(STORE_LJ001, FULFILMENTS, path, Map.of());

        assertThat(refusal.isEmpty()).as(String.join("/", path)).isEqualTo(allowed);
        refusal.ifPresent(reason -> assertThat(reason).isEqualTo("The API key of pos-lj001 cannot see or act on "
                + "store " + path.get(3) + "."));
    }

    @Test
    void letsAKeyOfAllStoresReachEveryStore() {
        for (String store : List.of("LJ001", "LJ002", "ANY-STORE")) {
            assertThat(AccessPolicy.refusal(ERP_ALL, FULFILMENTS, List.of("api", "v1", "stores", store, "stock"),
                    Map.of("store", List.of(store)))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"store", "storeId"})
    void refusesAStoreFilterInTheQueryOutsideTheKeysStores(String parameter) {
        assertThat(AccessPolicy.refusal(STORE_LJ001, FULFILMENTS, List.of("api", "v1", "fulfillments"),
                Map.of(parameter, List.of("LJ002")))).isPresent();
        assertThat(AccessPolicy.refusal(STORE_LJ001, FULFILMENTS, List.of("api", "v1", "fulfillments"),
                Map.of(parameter, List.of("LJ001", "LJ002")))).isPresent();
        assertThat(AccessPolicy.refusal(STORE_LJ001, FULFILMENTS, List.of("api", "v1", "fulfillments"),
                Map.of(parameter, List.of("LJ001")))).isEmpty();
    }

    @Test
    void ignoresOtherQueryParameters() {
        assertThat(AccessPolicy.refusal(STORE_LJ001, FULFILMENTS, List.of("api", "v1", "fulfillments"),
                Map.of("status", List.of("LJ002"), "stores", List.of("LJ002")))).isEmpty();
    }

    @Test
    void findsTheStoreOnlyInTheStoresCollectionOfTheApi() {
        assertThat(AccessPolicy.storeOfPath(List.of("api", "v1", "stores", "LJ002", "x"))).hasValue("LJ002");
        assertThat(AccessPolicy.storeOfPath(List.of("api", "v1", "stores"))).isEmpty();
        assertThat(AccessPolicy.storeOfPath(List.of("api", "v1", "orders", "stores", "LJ002"))).isEmpty();
        assertThat(AccessPolicy.storeOfPath(List.of("v3", "api-docs", "stores", "LJ002"))).isEmpty();
    }

    static Stream<Arguments> unsafePaths() {
        return Stream.of(
                Arguments.of("/api/v1/stores/LJ001/../LJ002/stock", true),
                Arguments.of("/api/v1/stores/LJ001/%2e%2e/LJ002/stock", true),
                Arguments.of("/api/v1/stores/LJ001/./stock", true),
                Arguments.of("/api/v1/stores/LJ001%2F..%2FLJ002/stock", true),
                Arguments.of("/api/v1/stores/LJ001%5C..%5CLJ002/stock", true),
                Arguments.of("/api/v1//stores/LJ002/stock", true),
                Arguments.of("/api/v1/stores/LJ%00/stock", true),
                Arguments.of("/api/v1/stores/LJ001/stock", false),
                Arguments.of("/api/v1/stores/LJ001/stock/", false),
                Arguments.of("/api/v1/products/Camiseta%20Azul", false));
    }

    @ParameterizedTest
    @MethodSource("unsafePaths")
    void refusesPathsAServiceWouldResolveToAnotherPath(String rawPath, boolean unsafe) {
        assertThat(AccessPolicy.unsafePath(RequestPath.segments(rawPath)).isPresent()).as(rawPath).isEqualTo(unsafe);
    }

    @Test
    void readsTheStoreOfAPathAsTheServiceWill() {
        assertThat(AccessPolicy.storeOfPath(RequestPath.segments("/api/v1/stores/LJ%30%302;v=1/stock")))
                .hasValue("LJ002");
    }
}
