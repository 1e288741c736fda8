package lu.ccss.guichet.certification.document;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes flowing text on A4 pages: titles, headings, label–value lines and paragraphs, wrapped to the page width,
 * with a new page when one is full. The font is embedded (a subset of Liberation Sans, shipped with PDFBox), so names
 * with accents print as typed; a character the font lacks prints as {@code ?}.
 */
final class PdfTextWriter implements Closeable {

    private static final float MARGIN = 56;
    private static final float LABEL_WIDTH = 170;
    private static final float BOTTOM = 64;
    private static final float BODY_SIZE = 10;
    private static final float LEADING = 1.35f;

    private final PDDocument document = new PDDocument();
    private final TrueTypeFont trueType;
    private final PDType0Font font;
    private PDPageContentStream stream;
    private float y;

    PdfTextWriter(byte[] fontBytes) throws IOException {
        trueType = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes));
        font = PDType0Font.load(document, trueType, true);
        newPage();
    }

    PDDocument document() {
        return document;
    }

    void title(String text, float size) throws IOException {
        lines(text, MARGIN, width(), size);
        y -= size * 0.4f;
    }

    void heading(String text) throws IOException {
        space(BODY_SIZE);
        lines(text, MARGIN, width(), 12);
        y -= 3;
    }

    void field(String label, String value) throws IOException {
        List<String> labelLines = wrap(printable(label), LABEL_WIDTH - 8, BODY_SIZE);
        List<String> valueLines = wrap(printable(value == null ? "" : value), width() - LABEL_WIDTH, BODY_SIZE);
        int rows = Math.max(labelLines.size(), valueLines.size());
        for (int i = 0; i < rows; i++) {
            ensureRoom(BODY_SIZE * LEADING);
            y -= BODY_SIZE * LEADING;
            if (i < labelLines.size()) {
                show(labelLines.get(i), MARGIN, BODY_SIZE);
            }
            if (i < valueLines.size()) {
                show(valueLines.get(i), MARGIN + LABEL_WIDTH, BODY_SIZE);
            }
        }
    }

    void paragraph(String text) throws IOException {
        space(BODY_SIZE * 0.5f);
        lines(text, MARGIN, width(), BODY_SIZE);
    }

    /** Writes a footer on every page, e.g. "page 1 of 2", then returns the document's bytes. */
    byte[] finish(IntFunction<String> footerOfPage) throws IOException {
        stream.close();
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.beginText();
                footer.setFont(font, 8);
                footer.newLineAtOffset(MARGIN, BOTTOM / 2);
                footer.showText(printable(footerOfPage.apply(i + 1)));
                footer.endText();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private void lines(String text, float x, float maxWidth, float size) throws IOException {
        for (String line : wrap(printable(text), maxWidth, size)) {
            ensureRoom(size * LEADING);
            y -= size * LEADING;
            show(line, x, size);
        }
    }

    private void show(String line, float x, float size) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(line);
        stream.endText();
    }

    private void space(float points) throws IOException {
        ensureRoom(points);
        y -= points;
    }

    private void ensureRoom(float points) throws IOException {
        if (y - points < BOTTOM) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private List<String> wrap(String text, float maxWidth, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (line.isEmpty() || textWidth(candidate, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
                while (textWidth(line.toString(), size) > maxWidth && line.length() > 1) {
                    int cut = line.length() - 1;
                    while (cut > 1 && textWidth(line.substring(0, cut), size) > maxWidth) {
                        cut--;
                    }
                    lines.add(line.substring(0, cut));
                    line.delete(0, cut);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float textWidth(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with every character the font cannot draw (and every control character) replaced. */
    private String printable(String text) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || !hasGlyph(cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            return trueType.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
