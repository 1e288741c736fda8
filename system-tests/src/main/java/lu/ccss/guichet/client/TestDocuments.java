package lu.ccss.guichet.client;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.util.Random;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small real PDFs, as a domain system sends them (a statement, a certificate). */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** A one-page PDF with a title and a line of text. */
    public static byte[] pdf(String title, String line) {
        return onePage(title, line, null);
    }

    /**
     * A one-page PDF of about {@code bytes} bytes, as a scanned statement is: a title, a line of text and an image of
     * noise (which no compression shrinks) sized to make up the rest. Always the same for the same arguments.
     */
    public static byte[] pdfOfSize(String title, String line, int bytes) {
        int side = (int) Math.max(8, Math.sqrt(Math.max(0, bytes - 2_000) / 3.0));
        BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(bytes);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return onePage(title, line, noise);
    }

    /** A page with a title, a line of text and, if given, the image below them. */
    private static byte[] onePage(String title, String line, BufferedImage image) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDImageXObject picture = image == null ? null : LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16);
                content.newLineAtOffset(72, 720);
                content.showText(title);
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(0, -24);
                content.showText(line);
                content.endText();
                if (picture != null) {
                    content.drawImage(picture, 72, 300, 300, 300);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
