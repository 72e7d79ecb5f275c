package io.omnihub.order.documents;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Streams a stored document to the client, with its entity tag, on the request's thread. */
final class DocumentDownloads {

    // documents are a store's and its customer's: caches along the way keep nothing, the client revalidates
    private static final String CACHING = CacheControl.noCache().cachePrivate().getHeaderValue();

    private DocumentDownloads() {
    }

    static void send(DocumentService documents, String key, String contentType, long size, String eTag,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        String quoted = quoted(eTag);
        if (notModified(request, quoted)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            response.setHeader(HttpHeaders.ETAG, quoted);
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHING);
            return;
        }
        // opened before any header is set: a failure is still answered as problem+json
        try (InputStream content = documents.open(key)) {
            response.setHeader(HttpHeaders.ETAG, quoted);
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHING);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentType(contentType);
            response.setContentLengthLong(size);
            if (!HttpMethod.HEAD.matches(request.getMethod())) {
                content.transferTo(response.getOutputStream());
            }
        }
    }

    static String quoted(String eTag) {
        if (eTag == null || eTag.isEmpty()) {
            return "\"\"";
        }
        return eTag.startsWith("\"") || eTag.startsWith("W/") ? eTag : '"' + eTag + '"';
    }

    private static boolean notModified(HttpServletRequest request, String eTag) {
        ETag current = ETag.create(eTag);
        return Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH)).stream()
                .flatMap(header -> ETag.parse(header).stream())
                .anyMatch(given -> given.isWildcard() || given.compare(current, false));
    }
}
