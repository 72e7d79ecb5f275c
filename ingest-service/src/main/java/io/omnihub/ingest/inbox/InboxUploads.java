package io.omnihub.ingest.inbox;

import io.omnihub.contracts.Buckets;
import io.omnihub.ingest.imports.ImportJobs;
import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.imports.ImportState;
import io.omnihub.ingest.sheet.FileFormat;
import io.omnihub.ingest.storage.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pipeline, several entry points: an API payload is stored in the inbox as a file, gets its import job
 * at once (so its id can be answered) and is imported like a file the ERP dropped there.
 */
@Component
public class InboxUploads {

    private final ObjectStore store;
    private final ImportJobs jobs;
    private final InboxProcessor processor;
    private final JsonMapper json;

    InboxUploads(ObjectStore store, ImportJobs jobs, InboxProcessor processor, JsonMapper json) {
        this.store = store;
        this.jobs = jobs;
        this.processor = processor;
        this.json = json;
    }

    public ResponseEntity<Accepted> accept(ImportKind kind, JsonNode body) {
        return accept(kind, json.writeValueAsBytes(body), "json", MediaType.APPLICATION_JSON_VALUE);
    }

    public ResponseEntity<Accepted> accept(ImportKind kind, MultipartFile file) throws IOException {
        byte[] content = file.getBytes();
        FileFormat format = FileFormat.sniff(FileFormat.buffered(new ByteArrayInputStream(content)));
        if (format == FileFormat.UNKNOWN) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the file is neither Excel (.xlsx, .xls) nor JSON");
        }
        return accept(kind, content, format.name().toLowerCase(Locale.ROOT), MediaType.APPLICATION_OCTET_STREAM_VALUE);
    }

    private ResponseEntity<Accepted> accept(ImportKind kind, byte[] content, String extension, String type) {
        String id = ImportJobs.newId();
        // the poller may see the object first: then its job is the one to follow
        String jobId = submit(id, kind, "api-" + id + "." + extension, content, type);
        String location = "/api/v1/imports/" + jobId;
        return ResponseEntity.accepted().location(URI.create(location))
                .body(new Accepted(jobId, ImportState.RECEIVED, location));
    }

    /**
     * Stores the content as {@code <kind prefix><name>} in the inbox and starts its import under {@code id}.
     * The same name with the same content again (a retried pull page) is the same import: nothing is doubled.
     *
     * @return the id of the import job of that content
     */
    public String submit(String id, ImportKind kind, String name, byte[] content, String type) {
        var object = store.put(Buckets.INBOX, kind.prefix() + name, content, type);
        String jobId = jobs.receivedOnce(id, kind, object);
        processor.processSoon(object);
        return jobId;
    }

    /** The answer to an accepted input: where to follow it. */
    public record Accepted(String importId, ImportState status, String location) {
    }
}
