package io.omnihub.order.model;

/**
 * Published (in-process) after an order was written, so that the routing and outbox workers act on it at once
 * instead of at their next scheduled pass.
 */
public record OrderChanged(String orderId, boolean routingDue, boolean unpublished) {
}
