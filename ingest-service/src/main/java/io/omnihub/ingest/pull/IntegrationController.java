package io.omnihub.ingest.pull;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The pull integrations: where each stands, and a run on demand. */
@RestController
@RequestMapping("/api/v1/integrations")
class IntegrationController {

    private final PullProperties properties;
    private final PullScheduler scheduler;
    private final PullRunner runner;
    private final ErpClient erp;

    IntegrationController(PullProperties properties, PullScheduler scheduler, PullRunner runner, ErpClient erp) {
        this.properties = properties;
        this.scheduler = scheduler;
        this.runner = runner;
        this.erp = erp;
    }

    @GetMapping
    List<IntegrationResponse> all() {
        return properties.integrations().stream().map(this::response).toList();
    }

    @GetMapping("/{name}")
    IntegrationResponse one(@PathVariable String name) {
        return response(scheduler.integration(name).orElseThrow(() -> notFound(name)));
    }

    /** 202: the run goes on in the background; follow it with GET. */
    @PostMapping("/{name}/runs")
    ResponseEntity<IntegrationResponse> run(@PathVariable String name) {
        var integration = scheduler.runNow(name).orElseThrow(() -> notFound(name));
        return ResponseEntity.accepted().location(URI.create("/api/v1/integrations/" + name))
                .body(response(integration));
    }

    private IntegrationResponse response(PullProperties.Integration integration) {
        var state = runner.state(integration.name());
        return new IntegrationResponse(integration.name(), integration.kind().name(), integration.url().toString(),
                integration.cron(), state.map(s -> s.status().name()).orElse("NEVER_RUN"),
                state.map(PullState::runId).orElse(null), state.map(PullState::nextPage).orElse(null),
                state.map(PullState::lastCompletedAt).orElse(null), state.map(PullState::lastError).orElse(null),
                state.map(PullState::lastErrorAt).orElse(null), erp.circuit(integration.name()).name());
    }

    private static ResponseStatusException notFound(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no integration " + name);
    }

    /** An integration as operators see it (never its credential). */
    record IntegrationResponse(String name, String kind, String url, String cron, String status, String runId,
            Integer nextPage, Instant lastCompletedAt, String lastError, Instant lastErrorAt, String circuit) {
    }
}
