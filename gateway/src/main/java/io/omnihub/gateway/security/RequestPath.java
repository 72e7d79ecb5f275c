package io.omnihub.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.StringUtils;

/** The segments of a raw request path as a service will see them: matrix parameters dropped, percent-decoded. */
final class RequestPath {

    private RequestPath() {
    }

    /** {@code /api/v1/stores/LJ%30001;x=1/stock} gives {@code [api, v1, stores, LJ0001, stock]}. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        String[] parts = rawPath.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int matrix = part.indexOf(';');
            if (matrix >= 0) {
                part = part.substring(0, matrix);
            }
            try {
                segments.add(StringUtils.uriDecode(part, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a broken escape is kept as is: it cannot name a store, and unsafePath sees the raw text
                segments.add(part);
            }
        }
        return segments;
    }

    static boolean isApi(String rawPath) {
        return rawPath.equals("/api") || rawPath.startsWith("/api/");
    }
}
