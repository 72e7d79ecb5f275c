package io.omnihub.order.documents;

import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.Journey;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which documents a fulfilment may receive in each status, and whether an uploaded file is acceptable. A store
 * prints a label and proves a delivery only for parcels it took on; a label printed earlier stays readable whatever
 * happens next.
 */
final class DocumentPolicy {

    static final Set<FulfillmentStatus> LABEL_STATUSES = EnumSet.of(FulfillmentStatus.ACCEPTED,
            FulfillmentStatus.IN_TRANSIT, FulfillmentStatus.DELIVERED, FulfillmentStatus.RETURNED);
    static final Set<FulfillmentStatus> PROOF_STATUSES = EnumSet.of(FulfillmentStatus.ACCEPTED,
            FulfillmentStatus.IN_TRANSIT, FulfillmentStatus.DELIVERED, FulfillmentStatus.READY_FOR_PICKUP,
            FulfillmentStatus.RETURNED);

    private DocumentPolicy() {
    }

    /** A parcel the customer collects at the store travels with no carrier. */
    static boolean mayPrintLabel(Journey journey, FulfillmentStatus status) {
        return journey != Journey.PICKUP_IN_STORE && LABEL_STATUSES.contains(status);
    }

    static boolean mayReceiveProof(FulfillmentStatus status) {
        return PROOF_STATUSES.contains(status);
    }

    /**
     * The type of an uploaded proof, or why it is refused: the bytes must be a JPEG, PNG or PDF, and the declared
     * Content-Type (when it names one of those) must agree with them.
     */
    static Upload checkUpload(String declaredContentType, byte[] head) {
        Optional<DocumentType> sniffed = DocumentType.sniff(head);
        if (sniffed.isEmpty()) {
            return Upload.refused("The file is not a JPEG, PNG or PDF (judged by its content)");
        }
        Optional<DocumentType> declared = DocumentType.declared(declaredContentType);
        if (declared.isEmpty()) {
            return Upload.refused("Content-Type " + declaredContentType
                    + " is not accepted; send image/jpeg, image/png or application/pdf");
        }
        if (declared.get() != sniffed.get()) {
            return Upload.refused("The file is " + sniffed.get().mediaType() + " but was sent as "
                    + declared.get().mediaType());
        }
        return new Upload(sniffed.get(), null);
    }

    /** The accepted type, or the reason for a 415. */
    record Upload(DocumentType type, String refusal) {

        static Upload refused(String reason) {
            return new Upload(null, reason);
        }

        boolean accepted() {
            return type != null;
        }
    }
}
