package io.omnihub.gateway.tracing;

import java.util.UUID;
import java.util.regex.Pattern;

/** The X-Correlation-Id header: taken from the caller when it is sane, made up otherwise. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";

    // what a caller sends is echoed into logs and headers: keep it short and plain (same rule as the services)
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {
    }

    /** The caller's id if it is acceptable, else a new random one. */
    static String resolve(String given) {
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
