/**
 * The order aggregate: an order, its lines, the fulfilments that split it among stores, their timelines,
 * routing decisions, and the outbox of events and commands its changes owe to Kafka. One MongoDB document per
 * order, changed with one conditional write, so state and outbox never part.
 */
package io.omnihub.order.model;
