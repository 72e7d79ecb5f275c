package io.omnihub.order.documents;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.Barcode128;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** Draws a {@link LabelData} on one 4x6 in page (the size of thermal label printers), with a Code 128 barcode. */
final class LabelRenderer {

    /** 4 x 6 inches in PDF points. */
    static final Rectangle FOUR_BY_SIX = new Rectangle(4 * 72, 6 * 72);

    private static final float MARGIN = 14;
    private static final Font CAPTION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
    private static final Font SENDER = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font RECIPIENT = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font REFERENCE = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font CARRIER = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

    private LabelRenderer() {
    }

    static byte[] render(LabelData label) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(FOUR_BY_SIX, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter writer = PdfWriter.getInstance(document, pdf);
        document.addTitle("Shipping label " + label.trackingCode());
        document.open();
        try {
            document.add(block("FROM", label.sender(), SENDER));
            document.add(rule());
            document.add(block("TO", label.recipient(), RECIPIENT));
            document.add(rule());
            document.add(block("REFERENCES", label.references(), REFERENCE));
            document.add(rule());
            document.add(new Paragraph(label.carrier(), CARRIER));
            document.add(barcode(writer, label.trackingCode()));
        } finally {
            document.close();
        }
        return pdf.toByteArray();
    }

    private static Paragraph block(String caption, List<String> lines, Font font) {
        Paragraph block = new Paragraph();
        block.add(new Chunk(caption, CAPTION));
        for (String line : lines) {
            block.add(Chunk.NEWLINE);
            block.add(new Chunk(line, font));
        }
        block.setSpacingAfter(4);
        return block;
    }

    private static Chunk rule() {
        return new Chunk(new LineSeparator(0.8f, 100, null, Element.ALIGN_CENTER, -2));
    }

    private static Image barcode(PdfWriter writer, String trackingCode) {
        Barcode128 code = new Barcode128();
        code.setCodeType(Barcode128.CODE128);
        code.setCode(trackingCode);
        code.setBarHeight(60);
        code.setX(1.2f);
        code.setSize(10);
        Image image = code.createImageWithBarcode(writer.getDirectContent(), null, null);
        float width = FOUR_BY_SIX.getWidth() - 2 * MARGIN;
        if (image.getWidth() > width) {
            image.scaleToFit(width, image.getHeight());
        }
        image.setAlignment(Image.ALIGN_CENTER);
        image.setSpacingBefore(6);
        return image;
    }
}
