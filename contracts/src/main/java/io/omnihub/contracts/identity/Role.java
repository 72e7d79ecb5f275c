package io.omnihub.contracts.identity;

/** What a client of omnihub is allowed to do; the gateway checks it per route. */
public enum Role {
    /** Feeds catalog and stock, reads everything of its stores. */
    ERP,
    /** A sales channel: places and reads orders, reads catalog and availability. */
    CHANNEL,
    /** A store's ERP/POS: answers its fulfilments, updates their status, returns, coupons. */
    STORE,
    /** Runs omnihub: imports, stores, routing profiles, reports. */
    OPERATOR
}
