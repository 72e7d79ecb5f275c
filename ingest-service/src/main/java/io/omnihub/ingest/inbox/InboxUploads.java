package io.omnihub.ingest.inbox;

import io.omnihub.contracts.Buckets;
import io.omnihub.ingest.imports.ImportJobs;
import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.imports.ImportState;
import io.omnihub.ingest.sheet.FileFormat;
import io.omnihub.ingest.storage.ObjectStore;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pipeline, several entry points: an API payload is stored in the inbox as a file, gets its import job
 * at once (so its id can be answered) and is imported like a file the ERP dropped there. A pushed body goes
 * to a temporary file, never whole into memory, and is stored byte for byte as the caller sent it.
 */
@Component
public class InboxUploads {

    private final ObjectStore store;
    private final ImportJobs jobs;
    private final InboxProcessor processor;
    private final JsonMapper json;
    private final InboxProperties properties;

    InboxUploads(ObjectStore store, ImportJobs jobs, InboxProcessor processor, JsonMapper json,
            InboxProperties properties) {
        this.store = store;
        this.jobs = jobs;
        this.processor = processor;
        this.json = json;
        this.properties = properties;
    }

    /**
     * A pushed JSON body: refused at once (413 beyond {@code omnihub.inbox.max-push-size}, 400 when it is not
     * well-formed JSON of the right shape), else stored and imported.
     */
    ResponseEntity<Accepted> acceptJson(ImportKind kind, InputStream body, long declaredLength) throws IOException {
        long max = properties.maxPushSize().toBytes();
        if (declaredLength > max) {
            throw tooLarge(max);
        }
        Path file = Files.createTempFile("omnihub-push-", ".json");
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(file)) {
                size = copyAtMost(body, out, max);
            }
            try (InputStream in = Files.newInputStream(file)) {
                PushedJson.check(json, in);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return accept(kind, in, size, "json", MediaType.APPLICATION_JSON_VALUE);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public ResponseEntity<Accepted> accept(ImportKind kind, MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the file is empty");
        }
        try (BufferedInputStream buffered = FileFormat.buffered(file.getInputStream())) {
            FileFormat format = FileFormat.sniff(buffered);
            if (format == FileFormat.UNKNOWN) {
                throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        FileFormat.unknown(buffered).getMessage());
            }
            return accept(kind, buffered, file.getSize(), format.name().toLowerCase(Locale.ROOT),
                    MediaType.APPLICATION_OCTET_STREAM_VALUE);
        }
    }

    private ResponseEntity<Accepted> accept(ImportKind kind, InputStream content, long size, String extension,
            String type) {
        String id = ImportJobs.newId();
        // the poller may see the object first: then its job is the one to follow
        var object = store.put(Buckets.INBOX, kind.prefix() + "api-" + id + "." + extension, content, size, type);
        String jobId = jobs.receivedOnce(id, kind, object);
        processor.processSoon(object);
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
        var object = store.put(Buckets.INBOX, kind.prefix() + name, new ByteArrayInputStream(content), content.length,
                type);
        String jobId = jobs.receivedOnce(id, kind, object);
        processor.processSoon(object);
        return jobId;
    }

    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > max) {
                throw tooLarge(max);
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static ResponseStatusException tooLarge(long max) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + max
                + " bytes; send a file to POST /api/v1/imports or to the inbox bucket instead");
    }

    /** The answer to an accepted input: where to follow it. */
    public record Accepted(String importId, ImportState status, String location) {
    }
}
