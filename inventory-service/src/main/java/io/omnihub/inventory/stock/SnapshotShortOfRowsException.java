package io.omnihub.inventory.stock;

/**
 * Every partition's marker of a full snapshot has been read, yet fewer of its rows were applied than the markers
 * say were written: some never arrived (dead-lettered). The absent pairs are not set to zero, since the missing
 * rows would count as absent; replaying the dead-lettered rows, then a marker, completes the snapshot.
 */
public class SnapshotShortOfRowsException extends RuntimeException {

    SnapshotShortOfRowsException(String snapshotId, long seen, long expected) {
        super("snapshot " + snapshotId + ": " + seen + " of its " + expected + " rows were applied; the pairs absent "
                + "from it are not set to zero until the missing rows are (replay them, then a marker)");
    }
}
