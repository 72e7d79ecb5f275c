package io.omnihub.ingest.categories;

import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.inbox.InboxUploads;
import io.omnihub.ingest.inbox.InboxUploads.Accepted;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/categories}: a JSON list of paths or an Excel upload; answers 202 with the import id. */
@RestController
@RequestMapping("/api/v1/categories")
class CategoryUploadController {

    private final InboxUploads uploads;

    CategoryUploadController(InboxUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> json(@RequestBody JsonNode body) {
        JsonNode items = body.isObject() ? body.path("items") : body;
        if (!items.isArray()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "expected a JSON array of category paths, or {\"items\": [...]}");
        }
        return uploads.accept(ImportKind.CATEGORIES, body);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> file(@RequestPart("file") MultipartFile file) throws IOException {
        return uploads.accept(ImportKind.CATEGORIES, file);
    }
}
