package io.omnihub.ingest.imports;

import java.io.InputStream;
import java.util.Set;

/** Reads one kind of input, publishes the events of its good rows and reports the bad ones. */
public interface Importer {

    /** The kinds of input it reads. */
    Set<ImportKind> kinds();

    /**
     * Returns when every event of the file is durably in Kafka.
     *
     * @throws io.omnihub.ingest.sheet.UnreadableFileException when the file as a whole cannot be read
     */
    ImportOutcome run(ImportJob job, InputStream content);
}
