package io.omnihub.platform.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One thread running a pass of work every {@code interval} and as soon as it is woken up (wake-ups while a pass
 * is queued fold into it). What the pass finds to do is stored state, so a pass that fails or a crash only
 * delays the work to the next pass.
 */
public class BackgroundLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final boolean autoStartup;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public BackgroundLoop(String name, Duration interval, boolean autoStartup, Runnable pass) {
        this.name = name;
        this.interval = interval;
        this.task = pass;
        this.autoStartup = autoStartup;
    }

    /** For a subclass that overrides {@link #pass()}. */
    protected BackgroundLoop(String name, Duration interval, boolean autoStartup) {
        this(name, interval, autoStartup, null);
    }

    /** One pass of work; by default the {@code Runnable} given to the constructor. */
    protected void pass() {
        task.run();
    }

    /** Asks for a pass soon. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && queued.compareAndSet(false, true)) {
            try {
                running.execute(this::run);
            } catch (RuntimeException stopping) {
                queued.set(false);
            }
        }
    }

    private void run() {
        queued.set(false);
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("{} pass failed; the next one retries: {}", name, e.toString(), e);
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::run, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }
}
