package io.omnihub.contracts.inventory;

import io.omnihub.contracts.EventType;
import java.time.Instant;

/**
 * The available-to-promise of one EAN at one store, as it is now. Keyed by {@code storeId:ean} on the
 * compacted topic {@code inventory.availability}: the latest record of every key is the whole picture, so
 * a consumer can rebuild it from the topic.
 *
 * @param available on hand − consumed by omni orders after the as-of − reserved − safety stock, never below 0
 * @param onHand    the ERP's last figure
 * @param reserved  units held by active reservations
 * @param asOf      the time of the ERP's figure
 * @param version   increases with every change of the pair; a consumer keeps the highest
 */
@EventType("io.omnihub.inventory.availability-changed")
public record AvailabilityChanged(String storeId, String ean, long available, long onHand, long reserved,
        Instant asOf, long version) {
}
