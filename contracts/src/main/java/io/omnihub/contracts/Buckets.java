package io.omnihub.contracts;

import java.util.List;

/** The object-storage (S3/MinIO) buckets of the design, and the inbox prefixes the ERP writes to. */
public final class Buckets {

    public static final String INBOX = "omnihub-inbox";
    public static final String ARCHIVE = "omnihub-archive";
    public static final String REPORTS = "omnihub-reports";
    public static final String DOCUMENTS = "omnihub-documents";

    public static final List<String> ALL = List.of(INBOX, ARCHIVE, REPORTS, DOCUMENTS);

    private Buckets() {
    }
}
