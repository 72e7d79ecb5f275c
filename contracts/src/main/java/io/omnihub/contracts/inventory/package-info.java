/** Events of the stock: ERP stock levels in, full snapshots and their completion. */
package io.omnihub.contracts.inventory;
