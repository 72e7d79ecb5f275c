package io.omnihub.order.routing;

/**
 * The filters a profile may switch on. Being active, having the stock and not having rejected the order are
 * always applied: no profile can route to a closed store, to a shelf without the goods, or back to a store that
 * said no.
 */
public enum RoutingFilter {
    SERVES_JOURNEY, CAPACITY_TODAY, MAX_DISTANCE
}
