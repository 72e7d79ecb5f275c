package io.omnihub.gateway.tracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpStatus;

/**
 * {@code spring_cloud_gateway_requests_seconds} per route, method and status, with Spring Cloud Gateway's own tag
 * names (routeId, routeUri, outcome, status, httpStatusCode, httpMethod), so dashboards keep working. Gateway's
 * metrics filter built and sorted those tags and looked the timer up on every request; here each combination's
 * timer is found once and kept. Requests the gateway answers before routing (401, 404, 413, 429) count under
 * routeId {@code none}.
 */
final class RequestMetrics {

    static final String NAME = "spring.cloud.gateway.requests";

    // a client picks the method: anything else would make a new timer per invented method
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Route route, String method, int status, long nanos) {
        Key key = new Key(route == null ? null : route.getId(), METHODS.contains(method) ? method : "OTHER", status);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> register(k, route));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(Key key, Route route) {
        HttpStatus known = HttpStatus.resolve(key.status());
        return Timer.builder(NAME)
                .tag("routeId", key.routeId() == null ? "none" : key.routeId())
                .tag("routeUri", route == null ? "none" : String.valueOf(route.getUri()))
                // a code without a name (599) is CUSTOM, as Spring Cloud Gateway tagged it
                .tag("outcome", known == null ? "CUSTOM" : known.series().name())
                .tag("status", known == null ? "CUSTOM" : known.name())
                .tag("httpStatusCode", Integer.toString(key.status()))
                .tag("httpMethod", key.method())
                .register(registry);
    }

    private record Key(String routeId, String method, int status) {
    }
}
