package io.omnihub.ingest.imports;

import java.util.ArrayList;
import java.util.List;

/** What an importer made of one file: how many rows it took and the errors of the others. */
public final class ImportOutcome {

    private long rowsRead;
    private long rowsAccepted;
    private final List<RowError> errors = new ArrayList<>();

    public void accepted() {
        rowsRead++;
        rowsAccepted++;
    }

    public void rejected(RowError error) {
        rowsRead++;
        errors.add(error);
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsAccepted() {
        return rowsAccepted;
    }

    public List<RowError> errors() {
        return errors;
    }
}
