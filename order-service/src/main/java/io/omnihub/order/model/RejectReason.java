package io.omnihub.order.model;

/** Why a store rejected quantities; NOT_IN_STOCK also corrects the store's stock. */
public enum RejectReason {
    NOT_IN_STOCK, DAMAGED, NO_CAPACITY, OTHER
}
