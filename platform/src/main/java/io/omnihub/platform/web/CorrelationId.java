package io.omnihub.platform.web;

import org.slf4j.MDC;

/**
 * The correlation id that follows one request through the gateway, the services and their events. It lives in
 * the logging context ({@link MDC}) of the thread doing the work: the web filter and the Kafka record interceptor
 * set it, {@code EventPublisher} puts it on every event it sends, and work done later on another thread (an
 * outbox relay, a batch listener's records) reopens the id it stored with {@link #open(String)}.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private CorrelationId() {
    }

    /** The correlation id of the work this thread is doing, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /**
     * Makes {@code id} the current correlation id until the scope is closed, then restores the one before
     * (none if there was none). A null id opens a scope without one, so that work for an event that had none
     * never borrows the id of the previous one.
     */
    public static Scope open(String id) {
        String previous = MDC.get(MDC_KEY);
        put(id);
        return () -> put(previous);
    }

    private static void put(String id) {
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }

    /** A correlation id made current; closing it restores the previous one. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
