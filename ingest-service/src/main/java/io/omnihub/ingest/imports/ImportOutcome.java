package io.omnihub.ingest.imports;

import java.util.ArrayList;
import java.util.List;

/** What an importer made of one file: how many rows it took, and why it refused the others. */
public final class ImportOutcome {

    /** Errors kept for the report; a file broken on every row of a million still reports this many. */
    static final int MAX_ERRORS = 100_000;

    private long rowsRead;
    private long rowsAccepted;
    private long rowsRejected;
    private long errorsOmitted;
    private final List<RowError> errors = new ArrayList<>();

    public void accepted() {
        rowsRead++;
        rowsAccepted++;
    }

    public void rejected(RowError error) {
        rejected(List.of(error));
    }

    /** One row refused, for every reason given. */
    public void rejected(List<RowError> rowErrors) {
        rowsRead++;
        rowsRejected++;
        for (RowError error : rowErrors) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(error);
            } else {
                errorsOmitted++;
            }
        }
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsAccepted() {
        return rowsAccepted;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    public long errorsOmitted() {
        return errorsOmitted;
    }

    public List<RowError> errors() {
        return errors;
    }
}
