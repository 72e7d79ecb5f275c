package io.omnihub.inventory.stock;

import java.time.Instant;

/**
 * Units an omni order took from a store's shelf at {@code at}. Until the ERP reports a figure whose as-of is
 * later, the units are not in the ERP's on-hand yet and are subtracted from it; after, they are.
 *
 * @param reference what consumed them (e.g. a fulfilment), so that a repeated consumption is recognised
 */
record Consumption(String reference, long quantity, Instant at) {
}
