package io.omnihub.inventory.stock;

/**
 * One pair of a store at a full snapshot: what omnihub expected the ERP to count (its figure before, less what
 * orders consumed and plus what was returned until the snapshot's as-of) and what the ERP counted.
 */
public record PairDrift(String ean, long expected, long reported) {

    public long difference() {
        return reported - expected;
    }
}
