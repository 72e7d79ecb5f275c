package io.omnihub.order.documents;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.platform.security.StoreScope;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Proofs of delivery and shipping labels of fulfilments: checked, stored in the bucket, recorded, read back. */
@Service
class DocumentService {

    private final Shipments shipments;
    private final FulfillmentDocumentsRepository documents;
    private final DocumentStore store;
    private final CarrierPort carrier;
    private final DocumentsProperties properties;
    private final Clock clock;

    DocumentService(Shipments shipments, FulfillmentDocumentsRepository documents, DocumentStore store,
            CarrierPort carrier, DocumentsProperties properties, Optional<Clock> clock) {
        this.shipments = shipments;
        this.documents = documents;
        this.store = store;
        this.carrier = carrier;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The fulfilment, once the caller's key is known to cover its store; 404 before any scope is revealed. */
    Shipment shipment(Identity identity, String fulfillmentId) {
        Shipment shipment = shipments.byFulfillment(fulfillmentId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Fulfilment " + fulfillmentId + " does not exist"));
        StoreScope.requireStore(identity, shipment.storeId());
        return shipment;
    }

    /**
     * Stores the body as the fulfilment's proof of delivery; {@code created} tells whether it is the first one.
     * The same bytes sent again change nothing and get the first answer again (a retried PUT, with or without
     * an Idempotency-Key).
     */
    StoredProof storeProof(Identity identity, String fulfillmentId, String contentType, InputStream body)
            throws IOException {
        Shipment shipment = shipment(identity, fulfillmentId);
        if (!DocumentPolicy.mayReceiveProof(shipment.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A fulfilment in status " + shipment.status()
                    + " takes no proof of delivery; allowed in " + DocumentPolicy.PROOF_STATUSES);
        }
        byte[] bytes = readAtMost(body, properties.maxProofSize().toBytes());
        DocumentPolicy.Upload upload = DocumentPolicy.checkUpload(contentType, bytes);
        if (!upload.accepted()) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, upload.refusal());
        }
        String sha256 = sha256(bytes);
        Optional<FulfillmentDocuments.StoredDocument> current = documents.find(fulfillmentId)
                .map(FulfillmentDocuments::proofOfDelivery);
        if (current.isPresent() && current.get().sha256().equals(sha256)) {
            return new StoredProof(current.get(), current.get().first());
        }
        String key = "fulfillments/" + fulfillmentId + "/proof-of-delivery/" + UUID.randomUUID() + "."
                + upload.type().extension();
        String eTag = store.put(key, bytes, upload.type().mediaType());
        FulfillmentDocuments.StoredDocument proof = new FulfillmentDocuments.StoredDocument(key,
                upload.type().mediaType(), bytes.length, sha256, eTag, now(), identity.client(), current.isEmpty());
        Optional<FulfillmentDocuments> before = documents.saveProof(shipment, proof);
        return new StoredProof(proof, before.map(FulfillmentDocuments::proofOfDelivery).isEmpty());
    }

    FulfillmentDocuments.StoredDocument proof(Identity identity, String fulfillmentId) {
        shipment(identity, fulfillmentId);
        return documents.find(fulfillmentId).map(FulfillmentDocuments::proofOfDelivery)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Fulfilment " + fulfillmentId + " has no proof of delivery yet"));
    }

    /** The fulfilment's label: booked with the carrier and stored on the first request, read back afterwards. */
    FulfillmentDocuments.ShippingLabel label(Identity identity, String fulfillmentId) {
        Shipment shipment = shipment(identity, fulfillmentId);
        Optional<FulfillmentDocuments.ShippingLabel> existing = documents.find(fulfillmentId)
                .map(FulfillmentDocuments::shippingLabel);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!DocumentPolicy.mayPrintLabel(shipment.journey(), shipment.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A " + shipment.journey() + " fulfilment in "
                    + "status " + shipment.status() + " gets no shipping label; labels are for parcels shipped "
                    + "from a store that accepted them (statuses " + DocumentPolicy.LABEL_STATUSES + ")");
        }
        CarrierLabel booked = carrier.book(shipment);
        // the tracking code is in the key: a request that lost the race below never overwrites the winner's PDF
        String key = "fulfillments/" + fulfillmentId + "/shipping-label-" + booked.trackingCode() + ".pdf";
        String eTag = store.put(key, booked.pdf(), DocumentType.PDF.mediaType());
        return documents.saveLabelOnce(shipment, new FulfillmentDocuments.ShippingLabel(key, booked.carrier(),
                booked.trackingCode(), booked.pdf().length, eTag, now()));
    }

    // MongoDB keeps milliseconds: what a first answer says must equal what a later read gives
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    InputStream open(String key) {
        return store.open(key);
    }

    /** A proof as stored, and whether this request created the fulfilment's first one. */
    record StoredProof(FulfillmentDocuments.StoredDocument proof, boolean created) {
    }

    static byte[] readAtMost(InputStream body, long limit) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "A proof of delivery is at most " + limit + " bytes");
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
