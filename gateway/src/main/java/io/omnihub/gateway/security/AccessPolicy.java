package io.omnihub.gateway.security;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an authenticated caller may make a request on a route: the route's roles, then the store scope of the
 * path ({@code /api/v1/stores/{storeId}/...}) and of the store filters in the query ({@code ?store=}, {@code
 * ?storeId=}). What a path does not name (a fulfilment id, a coupon code, rows in a body) the service checks.
 */
final class AccessPolicy {

    /** Query parameters that select a store's data. */
    static final Set<String> STORE_PARAMETERS = Set.of("store", "storeId");

    private AccessPolicy() {
    }

    /** A refusal (403) with its reason for the client, or empty when the request may go on. */
    static Optional<String> refusal(Identity caller, RouteAccess access, List<String> pathSegments,
                                    Map<String, List<String>> query) {
        if (!caller.hasAnyRole(access.roles().toArray(Role[]::new))) {
            return Optional.of("The API key of %s (roles %s) may not use this route; it needs one of the roles %s."
                    .formatted(caller.client(), sorted(caller.roles()), sorted(access.roles())));
        }
        Optional<String> pathStore = storeOfPath(pathSegments);
        if (pathStore.isPresent() && !caller.covers(pathStore.get())) {
            return Optional.of(outOfScope(caller, pathStore.get()));
        }
        for (String parameter : STORE_PARAMETERS) {
            for (String store : query.getOrDefault(parameter, List.of())) {
                if (!caller.covers(store)) {
                    return Optional.of(outOfScope(caller, store));
                }
            }
        }
        return Optional.empty();
    }

    /** The store a path addresses: the segment after {@code /api/v1/stores/}. */
    static Optional<String> storeOfPath(List<String> segments) {
        int stores = segments.indexOf("stores");
        // /api/v1/stores/{storeId}/...: the collection /api/v1/stores itself names no store
        if (segments.size() > 3 && stores == 2 && segments.get(0).equals("api")) {
            return Optional.of(segments.get(3));
        }
        return Optional.empty();
    }

    /**
     * Why a path cannot be checked safely: dot segments or encoded separators that a service would resolve to
     * another path than the one the gateway checked ({@code /stores/LJ001/../LJ002}). Empty when it is plain.
     */
    static Optional<String> unsafePath(List<String> segments) {
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.isEmpty() && !last || segment.equals(".") || segment.equals("..") || segment.contains("/") || segment.contains("\\")
                    || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return Optional.of("The path has an empty or dot segment, an encoded separator or a control "
                        + "character.");
            }
        }
        return Optional.empty();
    }

    private static String outOfScope(Identity caller, String store) {
        return "The API key of %s cannot see or act on store %s.".formatted(caller.client(), store);
    }

    private static String sorted(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
