package io.omnihub.order.documents;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for what goes wrong outside omnihub: the object store (503) and the carrier (502, or 503 with
 * Retry-After while its circuit is open).
 */
@RestControllerAdvice(basePackageClasses = DocumentProblems.class)
class DocumentProblems {

    private static final Logger log = LoggerFactory.getLogger(DocumentProblems.class);

    private final DocumentsProperties properties;

    DocumentProblems(DocumentsProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> carrier(CarrierUnavailableException e) {
        log.warn("carrier failed: {}", e.getMessage());
        HttpStatus status = e.circuitOpen() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Carrier unavailable");
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e.circuitOpen()) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(properties.carrier().openFor().toSeconds()));
        }
        return response.body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> storeFailed(DocumentStore.DocumentStoreException e) {
        log.warn("object store failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The object store holding the documents did not answer; try again later");
        problem.setTitle("Documents unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Duration.ofSeconds(5).toSeconds())).body(problem);
    }

    @ExceptionHandler
    ProblemDetail missing(DocumentStore.DocumentMissingException e) {
        // recorded but gone from the bucket: someone deleted it by hand
        log.error("document recorded but missing from the bucket: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The document is recorded but no longer in the object store");
        problem.setTitle("Document missing");
        return problem;
    }
}
