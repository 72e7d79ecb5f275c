/** Owns per-store stock, the stock ledger, reservations and available-to-promise. */
package io.omnihub.inventory;
