package io.omnihub.order.documents;

import io.omnihub.contracts.identity.Identity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/fulfillments/{id}/shipping-label}: the 4x6 in PDF label. The first request books the parcel
 * with the carrier and stores the label; later ones serve the same PDF and tracking code ({@code X-Tracking-Code}).
 * 409 before the store accepted the fulfilment; 502/503 problem+json when the carrier fails.
 */
@RestController
class ShippingLabelController {

    static final String TRACKING_CODE = "X-Tracking-Code";
    static final String CARRIER = "X-Carrier";

    private final DocumentService documents;

    ShippingLabelController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping("/api/v1/fulfillments/{id}/shipping-label")
    void label(@PathVariable String id, Identity identity, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        FulfillmentDocuments.ShippingLabel label = documents.label(identity, id);
        response.setHeader(TRACKING_CODE, label.trackingCode());
        response.setHeader(CARRIER, label.carrier());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                .filename("label-" + label.trackingCode() + ".pdf").build().toString());
        DocumentDownloads.send(documents, label.key(), DocumentType.PDF.mediaType(), label.size(), label.eTag(),
                request, response);
    }
}
