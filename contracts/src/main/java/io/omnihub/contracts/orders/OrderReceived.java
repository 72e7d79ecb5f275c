package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;

/** A channel's order was accepted by omnihub. Keyed by order id on {@code orders.lifecycle}. */
@EventType("io.omnihub.orders.order-received")
public record OrderReceived(String orderId, String siteId, String channelOrderId, Journey journey, Instant at) {
}
