package io.omnihub.gateway.security;

import io.omnihub.contracts.identity.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may use a route, read from its metadata in application.yml: {@code roles: ERP, OPERATOR} (one line of the
 * role matrix), or {@code public: true} for what needs no key (the API documentation). A route with neither is
 * closed to everyone: forgetting the roles of a new route cannot open it.
 */
public record RouteAccess(boolean open, Set<Role> roles) {

    public static final String ROLES = "roles";
    public static final String PUBLIC = "public";

    public RouteAccess {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static RouteAccess of(Map<String, Object> metadata) {
        boolean open = Boolean.parseBoolean(String.valueOf(metadata.getOrDefault(PUBLIC, "false")));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object value = metadata.get(ROLES);
        if (value instanceof Collection<?> list) {
            list.forEach(role -> roles.add(role(String.valueOf(role))));
        } else if (value instanceof Map<?, ?> indexed) {
            // a YAML list bound into metadata arrives as {"0": "ERP", "1": "OPERATOR"}
            indexed.values().forEach(role -> roles.add(role(String.valueOf(role))));
        } else if (value != null) {
            for (String role : value.toString().split(",")) {
                if (!role.isBlank()) {
                    roles.add(role(role));
                }
            }
        }
        return new RouteAccess(open, roles);
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name.trim() + "' in route metadata (roles: ERP, "
                    + "CHANNEL, STORE, OPERATOR)", e);
        }
    }
}
