/** Events of the stock: ERP stock levels in, full snapshots and their completion, availability and reservations out. */
package io.omnihub.contracts.inventory;
