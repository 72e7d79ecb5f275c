package io.omnihub.gateway.ratelimit;

import io.omnihub.contracts.identity.Identity;
import java.util.Comparator;
import java.util.Objects;

/** Which limit applies to a caller: its client's, else the most generous of its roles', else the default. */
final class RateLimitPolicy {

    private RateLimitPolicy() {
    }

    static Limit limitFor(Identity caller, RateLimitProperties properties) {
        Limit own = properties.clients().get(caller.client());
        if (own != null) {
            return own;
        }
        return caller.roles().stream()
                .map(properties.roles()::get)
                .filter(Objects::nonNull)
                .max(Comparator.comparingDouble(Limit::perSecond).thenComparingInt(Limit::capacity))
                .orElse(properties.defaults());
    }
}
