/** Kafka in and out: listeners for the catalog, availability and reservations; the outbox relay. */
package io.omnihub.order.messaging;
