package io.omnihub.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;

class RequestMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestMetrics metrics = new RequestMetrics(registry);
    private final Route catalog = Route.async().id("catalog-reads").uri(URI.create("http://catalog:8082"))
            .predicate(exchange -> true).build();

    @Test
    void countsRequestsPerRouteMethodAndStatusWithGatewaysTagNames() {
        metrics.record(catalog, "GET", 200, TimeUnit.MILLISECONDS.toNanos(3));
        metrics.record(catalog, "GET", 200, TimeUnit.MILLISECONDS.toNanos(5));
        metrics.record(catalog, "GET", 404, TimeUnit.MILLISECONDS.toNanos(1));

        Timer ok = registry.get(RequestMetrics.NAME).tag("routeId", "catalog-reads").tag("httpStatusCode", "200")
                .tag("status", "OK").tag("outcome", "SUCCESSFUL").tag("httpMethod", "GET")
                .tag("routeUri", "http://catalog:8082").timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(8);
        assertThat(registry.get(RequestMetrics.NAME).tag("httpStatusCode", "404").tag("outcome", "CLIENT_ERROR")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void countsWhatTheGatewayAnsweredBeforeRoutingUnderRouteNone() {
        metrics.record(null, "POST", 401, 1_000);

        assertThat(registry.get(RequestMetrics.NAME).tag("routeId", "none").tag("routeUri", "none")
                .tag("status", "UNAUTHORIZED").timer().count()).isEqualTo(1);
    }

    @Test
    void countsAnInventedMethodAsOtherSoThatClientsCannotMakeNewTimers() {
        for (int i = 0; i < 50; i++) {
            metrics.record(catalog, "METHOD" + i, 405, 1_000);
        }

        assertThat(registry.get(RequestMetrics.NAME).timers()).hasSize(1);
        assertThat(registry.get(RequestMetrics.NAME).tag("httpMethod", "OTHER").timer().count()).isEqualTo(50);
    }

    @Test
    void tagsAStatusWithoutANameAsCustomBesideItsNumber() {
        metrics.record(catalog, "GET", 599, 1_000);

        assertThat(registry.get(RequestMetrics.NAME).tag("httpStatusCode", "599").tag("status", "CUSTOM")
                .tag("outcome", "CUSTOM").timer().count()).isEqualTo(1);
    }
}
