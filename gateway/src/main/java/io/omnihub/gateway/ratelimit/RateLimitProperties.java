package io.omnihub.gateway.ratelimit;

import io.omnihub.contracts.identity.Role;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Under {@code omnihub.gateway.rate-limit}: the limit of a key is its client's own if there is one, else the most
 * generous of its roles', else {@code defaults}.
 */
@ConfigurationProperties("omnihub.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit defaults, Map<Role, Limit> roles,
                           Map<String, Limit> clients) {

    RateLimitProperties {
        defaults = defaults == null ? new Limit(100, 50) : defaults;
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }
}
