package io.omnihub.platform.web;

/** The correlation id that follows one request through the gateway, the services and their events. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private CorrelationId() {
    }
}
