/** Reservations for order-service: holds per fulfilment, all or nothing per store, idempotent by command id, answered through an outbox. */
package io.omnihub.inventory.reservation;
