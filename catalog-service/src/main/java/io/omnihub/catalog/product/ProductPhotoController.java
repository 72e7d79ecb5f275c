package io.omnihub.catalog.product;

import io.omnihub.catalog.photo.PhotoContent;
import io.omnihub.catalog.photo.PhotoFile;
import io.omnihub.catalog.photo.PhotoMissingException;
import io.omnihub.catalog.photo.PhotoService;
import io.omnihub.catalog.photo.PhotoStore;
import io.omnihub.catalog.photo.PhotoStoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/products/{reference}/photos/{sequence}}: the photo's image, streamed from the object store
 * with its type and length, an entity tag and a day of public caching; 404 problem+json when the product or
 * the photo is unknown, 503 when the object store fails.
 */
@RestController
@RequestMapping("/api/v1/products/{reference}/photos")
class ProductPhotoController {

    private static final Logger log = LoggerFactory.getLogger(ProductPhotoController.class);

    // a replaced photo keeps its URL: after a day caches revalidate, and the new entity tag gets the new image
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final ProductService products;
    private final PhotoService photos;
    private final PhotoStore store;

    ProductPhotoController(ProductService products, PhotoService photos, PhotoStore store) {
        this.products = products;
        this.photos = photos;
        this.store = store;
    }

    /**
     * Copies the image from S3 to the client as it arrives, on the request's thread: nothing is held in
     * memory, and no asynchronous request time-out cuts a slow download short.
     */
    @GetMapping("/{sequence}")
    void photo(@PathVariable String reference, @PathVariable int sequence, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        // a photo that came before its product is kept, but only served once the product is there
        Optional<PhotoFile> found = products.exists(reference) ? photos.file(reference, sequence) : Optional.empty();
        PhotoFile file = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Product '" + reference + "' has no photo " + sequence));
        if (notModified(request, file.eTag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            cachingHeaders(response, file);
            return;
        }
        // opened before any header is set: a failure is answered as problem+json that no cache keeps
        try (PhotoContent content = store.open(file)) {
            cachingHeaders(response, file);
            response.setContentType(file.contentType());
            response.setContentLengthLong(content.length());
            // the type comes from the image's bytes; a browser must not guess another one
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (!HttpMethod.HEAD.matches(request.getMethod())) {
                content.stream().transferTo(response.getOutputStream());
            }
        }
    }

    @ExceptionHandler
    ProblemDetail missing(PhotoMissingException e) {
        // the event came first: ingest archives the image, or did and it was removed since
        log.warn("photo listed but its image is missing: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The photo's image is not in the object store");
        problem.setTitle("Photo not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail storeFailed(PhotoStoreException e) {
        log.warn("photo could not be read", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The object store holding the photos did not answer; try again later");
        problem.setTitle("Photo unavailable");
        return problem;
    }

    private static void cachingHeaders(HttpServletResponse response, PhotoFile file) {
        response.setHeader(HttpHeaders.ETAG, file.eTag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHING.getHeaderValue());
    }

    // If-None-Match compares weakly (RFC 9110 13.1.2): a cache's W/"x" still matches "x"
    private static boolean notModified(HttpServletRequest request, String eTag) {
        ETag current = ETag.create(eTag);
        return Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH)).stream()
                .flatMap(header -> ETag.parse(header).stream())
                .anyMatch(given -> given.isWildcard() || given.compare(current, false));
    }
}
