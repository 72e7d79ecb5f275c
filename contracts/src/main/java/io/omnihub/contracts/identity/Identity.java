package io.omnihub.contracts.identity;

import java.util.Arrays;
import java.util.Set;

/**
 * The caller of a request, as the gateway established it from an API key.
 *
 * @param client the API key's client name (never the key)
 * @param stores the stores it may see and act on; {@link #ALL_STORES} for every store
 */
public record Identity(String client, Set<Role> roles, Set<String> stores) {

    public static final String ALL_STORES = "*";

    public Identity {
        roles = Set.copyOf(roles);
        stores = Set.copyOf(stores);
    }

    public boolean hasAnyRole(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean allStores() {
        return stores.contains(ALL_STORES);
    }

    /** True when this caller may see and act on {@code storeId}'s data. */
    public boolean covers(String storeId) {
        return allStores() || stores.contains(storeId);
    }
}
