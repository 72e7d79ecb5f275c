package io.omnihub.order.model;

/**
 * The correlation id of the work the current thread does (a request, a consumed event), or null: the messages
 * an order owes because of that work carry it, even though the outbox relay sends them later on its own thread.
 */
@FunctionalInterface
public interface CorrelationSource {

    String current();
}
