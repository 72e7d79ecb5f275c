/** Per-store stock: ERP figures newest-wins, full snapshots, the ledger, availability and its outbox, the stock API. */
package io.omnihub.inventory.stock;
