package io.omnihub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.gateway.ServiceStub.Received;
import io.omnihub.gateway.security.RouteAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A key of store LJ001 cannot touch anything of LJ002 by any route. The requests are made from the gateway's own
 * route table, so a route added later is tried too: every path pattern, every method it takes, with LJ002 in the
 * path's wildcards, in a {@code ?store=} filter and in the body. The stubs behind answer as the services do: they
 * verify the signed identity and refuse an entity of a store it does not cover.
 */
// hundreds of requests in seconds: the rate limits (RateLimitIT) would answer 429 before the scope is checked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "omnihub.gateway.rate-limit.enabled=false")
class StoreScopeIT {

    private static final List<String> SERVICES =
            List.of("ingest-service", "catalog-service", "inventory-service", "order-service", "coupon-service");
    private static final List<ServiceStub> STUBS = SERVICES.stream().map(ServiceStub::start).toList();
    private static final List<HttpMethod> ALL_METHODS =
            List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @LocalServerPort
    int port;

    @Autowired
    GatewayProperties gateway;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", STUBS.get(0)::url);
        registry.add("CATALOG_URL", STUBS.get(1)::url);
        registry.add("INVENTORY_URL", STUBS.get(2)::url);
        registry.add("ORDER_URL", STUBS.get(3)::url);
        registry.add("COUPON_URL", STUBS.get(4)::url);
    }

    @AfterAll
    static void stopStubs() {
        STUBS.forEach(ServiceStub::close);
    }

    /** One request at LJ002's data on one route. */
    record Attempt(String route, HttpMethod method, String uri) {
    }

    @Test
    void aKeyOfStoreLJ001NeverGetsA2xxForAnythingOfLJ002OnAnyRoute() {
        List<Attempt> attempts = attemptsOnEveryRoute();
        assertThat(attempts.stream().map(Attempt::route).distinct())
                .as("every route of the API is tried").hasSize(apiRoutes().size());

        SoftAssertions softly = new SoftAssertions();
        for (String key : List.of(TestKeys.STORE_LJ001, TestKeys.ERP_LJ001)) {
            for (Attempt attempt : attempts) {
                int status = send(key, attempt);
                softly.assertThat(status).as("%s with %s: %s %s", attempt.route(), key, attempt.method(),
                        attempt.uri()).isIn(403, 404);
            }
        }
        // what reached a service carried the key's own stores, never more
        for (ServiceStub stub : STUBS) {
            for (Received received : stub.received()) {
                if (received.identity() != null && received.identity().client().endsWith("LJ001")) {
                    softly.assertThat(received.identity().stores()).as("identity sent for %s %s", received.method(),
                            received.path()).containsExactly("LJ001");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void theSameRequestsReachTheServicesWithAKeyOfEveryStore() {
        // the control: the refusals above come from the store scope, not from requests that match no route
        SoftAssertions softly = new SoftAssertions();
        for (Attempt attempt : attemptsOnEveryRoute()) {
            softly.assertThat(send(TestKeys.OPERATOR, attempt)).as("%s: %s %s", attempt.route(), attempt.method(),
                    attempt.uri()).isEqualTo(200);
        }
        softly.assertAll();
    }

    @Test
    void onlyRoutesOutsideTheApiArePublic() {
        for (RouteDefinition route : gateway.getRoutes()) {
            if (RouteAccess.of(route.getMetadata()).open()) {
                assertThat(paths(route)).as("public route %s", route.getId())
                        .noneMatch(path -> path.startsWith("/api"));
            }
        }
    }

    private int send(String key, Attempt attempt) {
        var request = GatewayClient.on(port, key).method(attempt.method()).uri(attempt.uri());
        var response = !hasBody(attempt.method())
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"storeId\": \"LJ002\", \"rows\": [{\"store\": \"LJ002\"}]}").exchange();
        return response.returnResult(String.class).getStatus().value();
    }

    private static boolean hasBody(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.DELETE;
    }

    private List<RouteDefinition> apiRoutes() {
        return gateway.getRoutes().stream()
                .filter(route -> !RouteAccess.of(route.getMetadata()).open())
                .toList();
    }

    private List<Attempt> attemptsOnEveryRoute() {
        List<Attempt> attempts = new ArrayList<>();
        for (RouteDefinition route : apiRoutes()) {
            List<HttpMethod> methods = methods(route);
            for (String pattern : paths(route)) {
                for (String path : concrete(pattern)) {
                    for (HttpMethod method : methods) {
                        // only what names LJ002 (path, body of a write, or the query) is LJ002's
                        if (path.contains("LJ002") || hasBody(method)) {
                            attempts.add(new Attempt(route.getId(), method, path));
                        }
                        attempts.add(new Attempt(route.getId(), method, path + "?store=LJ002"));
                    }
                }
            }
        }
        return attempts;
    }

    /** The pattern with LJ002 in its wildcards: a store segment, an id of LJ002's, or a deeper path. */
    private static List<String> concrete(String pattern) {
        String base = pattern.replace("/stores/*", "/stores/LJ002").replace("*/", "LJ002-1/");
        if (base.endsWith("/**")) {
            String stem = base.substring(0, base.length() - 3);
            return List.of(stem, stem + "/LJ002-1", stem + "/LJ002-1/details");
        }
        return List.of(base.endsWith("/*") ? base.substring(0, base.length() - 1) + "LJ002-1" : base);
    }

    private static List<String> paths(RouteDefinition route) {
        return predicateArgs(route, "Path").flatMap(value -> Stream.of(value.split(","))).map(String::trim).toList();
    }

    private static List<HttpMethod> methods(RouteDefinition route) {
        List<HttpMethod> methods = predicateArgs(route, "Method")
                .flatMap(value -> Stream.of(value.split(","))).map(String::trim).map(HttpMethod::valueOf).toList();
        return methods.isEmpty() ? ALL_METHODS : methods;
    }

    private static Stream<String> predicateArgs(RouteDefinition route, String name) {
        return route.getPredicates().stream().filter(predicate -> predicate.getName().equals(name))
                .map(PredicateDefinition::getArgs).flatMap(args -> args.values().stream());
    }
}
