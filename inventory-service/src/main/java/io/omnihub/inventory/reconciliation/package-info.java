/** Reconciliation: after each full snapshot, per store, the pairs whose ERP figure differed from omnihub's, in units and value. */
package io.omnihub.inventory.reconciliation;
