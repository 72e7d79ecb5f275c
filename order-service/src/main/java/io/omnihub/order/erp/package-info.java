/**
 * Pushing assignments to the stores' own ERP endpoints, guarded by resilience4j (retry, circuit breaker per
 * store) and retried later from the state persisted on the fulfilment, so an unreachable ERP only delays them.
 */
package io.omnihub.order.erp;
