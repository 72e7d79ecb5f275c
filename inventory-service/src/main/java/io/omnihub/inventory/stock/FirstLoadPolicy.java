package io.omnihub.inventory.stock;

/**
 * Whether a batch of figures should be written as new pairs first, reading only those the unique {@code _id}
 * refuses, rather than reading every pair first. Per pair, the read costs the database one index lookup; the blind
 * insert of a stored pair costs about as much, and that pair is then read anyway. So inserting first pays when more
 * than half of the pairs are new, as in a first load; the last batch tells what the next is likely to be.
 */
final class FirstLoadPolicy {

    private FirstLoadPolicy() {
    }

    /**
     * Whether the next batch should insert first, given how many pairs the last batch changed and how many of them
     * it found stored.
     */
    static boolean insertFirst(int pairs, int found) {
        if (pairs < 0 || found < 0 || found > pairs) {
            throw new IllegalArgumentException("found " + found + " of " + pairs + " pairs");
        }
        return pairs > 0 && found * 2 < pairs;
    }
}
