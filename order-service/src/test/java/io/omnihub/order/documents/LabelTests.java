package io.omnihub.order.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.omnihub.contracts.orders.Address;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.Journey;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelTests {

    static Shipment shipment(Shipment.Party sender, Shipment.Party recipient, String channelOrderId) {
        return new Shipment("ful-42-1", "ord-42", channelOrderId, "site-1", "LJ001", Journey.SHIP_FROM_STORE,
                sender, recipient, FulfillmentStatus.ACCEPTED, null, null, false, List.of());
    }

    static final Shipment.Party STORE = new Shipment.Party("Loja Paulista (LJ001)",
            new Address("Av. Paulista, 900", "São Paulo", "SP", "01310-000", null, null));
    static final Shipment.Party ANA = new Shipment.Party("Ana Souza",
            new Address("Av. Paulista, 1000", "São Paulo", "SP", "01310-100", -23.5614, -46.6559));

    @Test
    void laysOutSenderRecipientAndReferences() {
        LabelData label = LabelLayout.of(shipment(STORE, ANA, "ECOM-1001"), "omnihub", "OMNI473124829");

        assertThat(label.sender()).containsExactly("Loja Paulista (LJ001)", "Av. Paulista, 900",
                "01310-000 São Paulo", "SP");
        assertThat(label.recipient()).containsExactly("Ana Souza", "Av. Paulista, 1000", "01310-100 São Paulo",
                "SP");
        assertThat(label.references()).containsExactly("Order ord-42", "Channel order ECOM-1001",
                "Fulfilment ful-42-1");
        assertThat(label.carrier()).isEqualTo("omnihub");
        assertThat(label.trackingCode()).isEqualTo("OMNI473124829");
    }

    @Test
    void leavesOutWhatNobodyGave() {
        Shipment.Party bare = new Shipment.Party("LJ009", null);
        Shipment.Party partial = new Shipment.Party("  ", new Address(" Rua A, 1 ", null, "", "04000-000", null,
                null));

        LabelData label = LabelLayout.of(shipment(bare, partial, null), "omnihub", "OMNI000000005");

        assertThat(label.sender()).containsExactly("LJ009");
        assertThat(label.recipient()).containsExactly("(no name)", "Rua A, 1", "04000-000");
        assertThat(label.references()).containsExactly("Order ord-42", "Fulfilment ful-42-1");
    }

    @Test
    void cutsLinesWiderThanTheLabel() {
        String street = "Rua Doutor Fulano de Tal Muito Comprido da Silva, 12345, bloco B, apartamento 1201";
        Shipment.Party far = new Shipment.Party("Ana", new Address(street, "X", null, null, null, null));

        List<String> lines = LabelLayout.party(far);

        assertThat(lines.get(1)).hasSize(LabelLayout.MAX_LINE).startsWith("Rua Doutor Fulano").endsWith("…");
    }

    @Test
    void rendersAPrintableFourBySixPdfWithTheBarcodeText() throws IOException {
        LabelData label = LabelLayout.of(shipment(STORE, ANA, "ECOM-1001"), "omnihub", "OMNI473124829");

        byte[] pdf = LabelRenderer.render(label);

        assertThat(DocumentType.sniff(pdf)).contains(DocumentType.PDF);
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            Rectangle page = reader.getPageSize(1);
            assertThat(page.getWidth()).isEqualTo(288f);
            assertThat(page.getHeight()).isEqualTo(432f);
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Ana Souza", "01310-100 São Paulo", "Loja Paulista (LJ001)",
                    "Order ord-42", "Channel order ECOM-1001", "Fulfilment ful-42-1", "OMNI473124829");
        } finally {
            reader.close();
        }
    }

    @Test
    void builtInCarrierNumbersEachParcelWithAValidCode() throws IOException {
        BuiltInCarrier carrier = new BuiltInCarrier("omnihub", new Random(7));

        CarrierLabel first = carrier.book(shipment(STORE, ANA, "ECOM-1001"));
        CarrierLabel second = carrier.book(shipment(STORE, ANA, "ECOM-1001"));

        assertThat(TrackingCodes.isValid(first.trackingCode())).isTrue();
        assertThat(second.trackingCode()).isNotEqualTo(first.trackingCode());
        assertThat(first.carrier()).isEqualTo("omnihub");
        PdfReader reader = new PdfReader(first.pdf());
        try {
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains(first.trackingCode());
        } finally {
            reader.close();
        }
    }
}
