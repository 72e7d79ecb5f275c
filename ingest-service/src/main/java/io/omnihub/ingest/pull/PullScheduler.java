package io.omnihub.ingest.pull;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Starts each integration's runs on its cron, on threads of its own: a slow or dead ERP never delays the
 * inbox or another integration.
 */
@Component
class PullScheduler implements SchedulingConfigurer, DisposableBean {

    private final PullProperties properties;
    private final PullRunner runner;
    private final ExecutorService runs = Executors.newCachedThreadPool();

    PullScheduler(PullProperties properties, PullRunner runner) {
        this.properties = properties;
        this.runner = runner;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (PullProperties.Integration integration : properties.integrations()) {
            if (!integration.cron().isBlank()) {
                registrar.addCronTask(() -> runNow(integration.name()), integration.cron());
            }
        }
    }

    /** Starts a run in the background; empty when no integration has that name. */
    Optional<PullProperties.Integration> runNow(String name) {
        Optional<PullProperties.Integration> integration = integration(name);
        integration.ifPresent(found -> runs.execute(() -> runner.run(found)));
        return integration;
    }

    Optional<PullProperties.Integration> integration(String name) {
        return properties.integrations().stream().filter(integration -> integration.name().equals(name))
                .findFirst();
    }

    @Override
    public void destroy() {
        runs.shutdownNow();
    }
}
