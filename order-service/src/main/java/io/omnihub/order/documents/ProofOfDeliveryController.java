package io.omnihub.order.documents;

import io.omnihub.contracts.identity.Identity;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code PUT /api/v1/fulfillments/{id}/proof-of-delivery}: the raw body is a JPEG, PNG or PDF (judged by its bytes;
 * 415 otherwise, 413 above the size limit); 201 for the first proof, 200 when it replaces one or repeats it.
 * {@code GET} gives the same bytes back with their type and entity tag (304 on If-None-Match).
 */
@RestController
@RequestMapping("/api/v1/fulfillments/{id}/proof-of-delivery")
class ProofOfDeliveryController {

    private final DocumentService documents;
    private final DocumentsProperties properties;

    ProofOfDeliveryController(DocumentService documents, DocumentsProperties properties) {
        this.documents = documents;
        this.properties = properties;
    }

    // the body is read raw from the request; this tells OpenAPI readers what it may be
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @PutMapping
    ResponseEntity<ProofResponse> upload(@PathVariable String id, Identity identity, HttpServletRequest request)
            throws IOException {
        // refused before a byte is read: a declared length over the limit, or a type we never take
        long limit = properties.maxProofSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            documents.shipment(identity, id);
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "A proof of delivery is at most " + limit + " bytes");
        }
        if (DocumentType.declared(request.getContentType()).isEmpty()) {
            documents.shipment(identity, id);
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type "
                    + request.getContentType() + " is not accepted; send image/jpeg, image/png or application/pdf");
        }
        DocumentService.StoredProof stored;
        try (InputStream body = request.getInputStream()) {
            stored = documents.storeProof(identity, id, request.getContentType(), body);
        }
        ProofResponse response = ProofResponse.of(id, stored.proof());
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(response.href())).eTag(stored.proof().eTag()).body(response);
    }

    @GetMapping
    void download(@PathVariable String id, Identity identity, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        FulfillmentDocuments.StoredDocument proof = documents.proof(identity, id);
        DocumentDownloads.send(documents, proof.key(), proof.contentType(), proof.size(), proof.eTag(), request,
                response);
    }

    /** What was stored. */
    record ProofResponse(String fulfillmentId, String contentType, long size, String eTag, Instant storedAt,
            String href) {

        static ProofResponse of(String fulfillmentId, FulfillmentDocuments.StoredDocument proof) {
            return new ProofResponse(fulfillmentId, proof.contentType(), proof.size(), proof.eTag(),
                    proof.storedAt(), "/api/v1/fulfillments/" + fulfillmentId + "/proof-of-delivery");
        }
    }
}
