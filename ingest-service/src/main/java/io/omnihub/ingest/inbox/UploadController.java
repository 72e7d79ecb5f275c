package io.omnihub.ingest.inbox;

import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.inbox.InboxUploads.Accepted;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API entry points of the import pipeline: each answers 202 with the import id, then the payload is
 * imported exactly like a file the ERP drops in the inbox. A JSON body is read as a stream (not bound to a
 * tree): it may be large, and it is stored as sent.
 */
@RestController
@RequestMapping("/api/v1")
class UploadController {

    /** The body of a JSON push, for the API documentation: it is read as a stream, not bound to a type. */
    private static final String ITEMS = "an array of items, or {\"items\": [...]} with other top-level properties "
            + "(e.g. asOf); read as a stream: 400 when not well-formed, 413 beyond omnihub.inbox.max-push-size";

    private final InboxUploads uploads;

    UploadController(InboxUploads uploads) {
        this.uploads = uploads;
    }

    /** A JSON list of category paths, or {@code {"items": [...]}}. */
    @PostMapping(path = "/categories", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object", description = ITEMS)))
    ResponseEntity<Accepted> categories(HttpServletRequest request) throws IOException {
        return uploads.acceptJson(ImportKind.CATEGORIES, request.getInputStream(), request.getContentLengthLong());
    }

    @PostMapping(path = "/categories", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> categoriesFile(@RequestPart("file") MultipartFile file) throws IOException {
        return uploads.accept(ImportKind.CATEGORIES, file);
    }

    /** Products in the JSON format of the files: an array, or {@code {"items": [...]}}. */
    @PostMapping(path = "/products", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object", description = ITEMS)))
    ResponseEntity<Accepted> products(HttpServletRequest request) throws IOException {
        return uploads.acceptJson(ImportKind.PRODUCTS, request.getInputStream(), request.getContentLengthLong());
    }

    @PostMapping(path = "/products", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> productsFile(@RequestPart("file") MultipartFile file) throws IOException {
        return uploads.accept(ImportKind.PRODUCTS, file);
    }

    /** Stock rows ({@code ean, storeId, quantity, asOf}) as JSON; {@code mode} full or partial. */
    @PostMapping(path = "/stock", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object", description = ITEMS)))
    ResponseEntity<Accepted> stock(@RequestParam(defaultValue = "partial") String mode, HttpServletRequest request)
            throws IOException {
        return uploads.acceptJson(stockKind(mode), request.getInputStream(), request.getContentLengthLong());
    }

    @PostMapping(path = "/stock", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> stockFile(@RequestParam(defaultValue = "partial") String mode,
            @RequestPart("file") MultipartFile file) throws IOException {
        return uploads.accept(stockKind(mode), file);
    }

    /** Any file for any pipeline: {@code type} is categories, products, stock-full or stock-partial. */
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> file(@RequestPart("file") MultipartFile file, @RequestParam String type)
            throws IOException {
        return uploads.accept(kind(type), file);
    }

    private static ImportKind stockKind(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "full" -> ImportKind.STOCK_FULL;
            case "partial" -> ImportKind.STOCK_PARTIAL;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "mode is 'partial' (only the pairs sent change) or 'full' (the complete stock of the stores sent)");
        };
    }

    private static ImportKind kind(String type) {
        String wanted = type.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(ImportKind.values()).filter(kind -> kind.name().equals(wanted)
                && kind != ImportKind.PHOTOS).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown type '" + type
                        + "'; one of " + Arrays.stream(ImportKind.values()).filter(kind -> kind != ImportKind.PHOTOS)
                                .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .collect(Collectors.joining(", "))));
    }
}
