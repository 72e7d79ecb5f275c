package io.omnihub.ingest.imports;

import io.omnihub.ingest.sheet.UnreadableFileException;

/**
 * A file that broke after some of its rows were published (a sheet whose XML is corrupt halfway): it is
 * rejected, and the job says honestly how many rows before the break were imported.
 */
public class PartlyImportedException extends UnreadableFileException {

    private final transient ImportOutcome outcome;

    public PartlyImportedException(UnreadableFileException cause, ImportOutcome outcome, String consequence) {
        super(cause.getMessage() + " (after " + outcome.rowsRead() + " rows: " + outcome.rowsAccepted()
                + " imported, " + outcome.rowsRejected() + " rejected" + consequence + ")", cause);
        this.outcome = outcome;
    }

    /** What was read before the break. */
    public ImportOutcome outcome() {
        return outcome;
    }
}
