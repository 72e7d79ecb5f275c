package io.omnihub.ingest.imports;

/** Where an import job is. RECEIVED and RUNNING are the only non-final states. */
public enum ImportState {
    RECEIVED, RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, REJECTED;

    public boolean isFinal() {
        return this != RECEIVED && this != RUNNING;
    }
}
