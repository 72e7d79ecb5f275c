package io.omnihub.order.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.Journey;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DocumentPolicyTests {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D};
    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void recognisesEachAcceptedTypeByItsFirstBytes() {
        assertThat(DocumentType.sniff(JPEG)).contains(DocumentType.JPEG);
        assertThat(DocumentType.sniff(PNG)).contains(DocumentType.PNG);
        assertThat(DocumentType.sniff(PDF)).contains(DocumentType.PDF);
    }

    @Test
    void recognisesNothingElse() {
        assertThat(DocumentType.sniff("<html><body>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentType.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(DocumentType.sniff(new byte[0])).isEmpty();
        // a PNG signature with its line-ending bytes mangled (a text-mode transfer) is no PNG
        assertThat(DocumentType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\n', 0x1A, '\n', 0})).isEmpty();
    }

    @Test
    void acceptsAFileSentWithItsOwnType() {
        DocumentPolicy.Upload upload = DocumentPolicy.checkUpload("image/png", PNG);

        assertThat(upload.accepted()).isTrue();
        assertThat(upload.type()).isEqualTo(DocumentType.PNG);
    }

    @Test
    void ignoresContentTypeParametersAndCase() {
        assertThat(DocumentPolicy.checkUpload("Application/PDF; charset=binary", PDF).type())
                .isEqualTo(DocumentType.PDF);
    }

    @Test
    void refusesAFileWhoseBytesContradictItsContentType() {
        DocumentPolicy.Upload upload = DocumentPolicy.checkUpload("image/jpeg", PDF);

        assertThat(upload.accepted()).isFalse();
        assertThat(upload.refusal()).contains("application/pdf").contains("image/jpeg");
    }

    @Test
    void refusesAnyOtherContentEvenWhenItClaimsToBeAnImage() {
        DocumentPolicy.Upload upload = DocumentPolicy.checkUpload("image/jpeg",
                "MZ\u0090\u0000 not an image".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(upload.accepted()).isFalse();
        assertThat(upload.refusal()).contains("not a JPEG, PNG or PDF");
    }

    @Test
    void refusesARealImageSentUnderAnotherType() {
        assertThat(DocumentPolicy.checkUpload("application/octet-stream", JPEG).accepted()).isFalse();
        assertThat(DocumentPolicy.checkUpload(null, JPEG).accepted()).isFalse();
    }

    @Test
    void printsLabelsOnlyForShippedParcelsTheStoreTookOn() {
        for (FulfillmentStatus status : FulfillmentStatus.values()) {
            boolean expected = EnumSet.of(FulfillmentStatus.ACCEPTED, FulfillmentStatus.IN_TRANSIT,
                    FulfillmentStatus.DELIVERED, FulfillmentStatus.RETURNED).contains(status);
            assertThat(DocumentPolicy.mayPrintLabel(Journey.SHIP_FROM_STORE, status)).as(status.name())
                    .isEqualTo(expected);
            assertThat(DocumentPolicy.mayPrintLabel(Journey.PICKUP_IN_STORE, status)).as(status.name()).isFalse();
        }
    }

    @Test
    void takesProofsOnlyOnceTheStoreTookTheFulfilmentOn() {
        assertThat(DocumentPolicy.mayReceiveProof(FulfillmentStatus.DELIVERED)).isTrue();
        assertThat(DocumentPolicy.mayReceiveProof(FulfillmentStatus.READY_FOR_PICKUP)).isTrue();
        assertThat(DocumentPolicy.mayReceiveProof(FulfillmentStatus.ACCEPTED)).isTrue();
        assertThat(DocumentPolicy.mayReceiveProof(FulfillmentStatus.ASSIGNED)).isFalse();
        assertThat(DocumentPolicy.mayReceiveProof(FulfillmentStatus.REJECTED)).isFalse();
        assertThat(DocumentPolicy.mayReceiveProof(FulfillmentStatus.CANCELLED)).isFalse();
        assertThat(DocumentPolicy.mayReceiveProof(FulfillmentStatus.CREATED)).isFalse();
    }
}
