package io.omnihub.inventory.stock;

import java.time.Instant;
import java.util.List;

/**
 * A full snapshot has been applied in full and its stores' absent pairs set to zero: what it changed can be
 * reported. Published synchronously, before the snapshot is recorded as done, so a crash repeats it.
 */
public record SnapshotApplied(String snapshotId, String importId, List<String> storeIds, Instant asOf) {
}
