/**
 * Fulfilments from the store's side: reservations answered, the offer (Kafka, polling, ERP push), acceptance,
 * status updates, returns in store, and fulfilments withdrawn at their deadline.
 */
package io.omnihub.order.fulfillment;
