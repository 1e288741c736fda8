package lu.ccss.guichet.mailing.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Lays a {@link LetterMarkup} out on A4 pages, DIN 5008 form B: the address block sits in the left window of a
 * C5/6 or DL envelope (20 mm from the left edge, 45 mm from the top, 85 × 45 mm: a 17.7 mm zone with the return line,
 * then up to six address lines), the information block at 125 mm from the left and 50 mm from the top, the text
 * from 98.5 mm, fold marks at 105 and 210 mm and a punch mark at 148.5 mm. Fonts are the PDF standard Helvetica and
 * Courier (nothing embedded), which print the Latin-1 letters of French, German and English.
 */
final class PdfLetterWriter {

    static final float MM = 72f / 25.4f;
    private static final PDRectangle A4 = PDRectangle.A4;

    private static final float ADDRESS_LEFT = 20;
    private static final float ADDRESS_TOP = 45;
    private static final float ADDRESS_WIDTH = 85;
    private static final float RETURN_LINE_BASELINE = 15.5f;
    private static final float ADDRESS_FIRST_BASELINE = 22;
    private static final int ADDRESS_MAX_LINES = 6;
    private static final float LETTERHEAD_TOP = 14;
    private static final float INFO_LEFT = 125;
    private static final float INFO_TOP = 50;
    private static final float INFO_RIGHT = 195;
    private static final float BODY_LEFT = 25;
    private static final float BODY_RIGHT = 190;
    private static final float FIRST_BODY_TOP = 98.5f;
    private static final float NEXT_BODY_TOP = 22;
    private static final float BODY_BOTTOM = 272;
    private static final float FOOTER_BASELINE = 285;
    private static final float RUNNING_BASELINE = 12;
    private static final float CODE_COLUMN = 45;

    private final PDDocument document;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
    private final LetterMarkup letter;
    private PDPageContentStream out;
    private float y;
    private boolean atTopOfPage;
    private int pages;

    private PdfLetterWriter(PDDocument document, LetterMarkup letter) {
        this.document = document;
        this.letter = letter;
    }

    /** Adds the letter's pages to {@code document}; returns how many. */
    static int write(PDDocument document, LetterMarkup letter) {
        PdfLetterWriter writer = new PdfLetterWriter(document, letter);
        try {
            writer.firstPage();
            for (LetterMarkup.Block block : letter.body()) {
                writer.block(block);
            }
            writer.out.close();
            return writer.pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints « page/pages » at the foot of the first {@code count} pages; {@code pages} counts every page. */
    static void number(PDDocument document, int count, IntFunction<String> footer) {
        PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try {
            for (int i = 0; i < count; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream stream = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String text = Text.printable(footer.apply(i + 1));
                    float width = width(font, 8, text);
                    stream.setNonStrokingColor(0.3f, 0.3f, 0.3f);
                    show(stream, font, 8, BODY_RIGHT * MM - width, fromTop(FOOTER_BASELINE), text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void firstPage() throws IOException {
        newPage();
        letterhead();
        addressWindow();
        infoBlock();
        marks();
        y = fromTop(FIRST_BODY_TOP);
        atTopOfPage = true;
    }

    private void nextPage() throws IOException {
        out.close();
        newPage();
        if (letter.running() != null) {
            out.setNonStrokingColor(0.35f, 0.35f, 0.35f);
            show(out, regular, 8, BODY_LEFT * MM, fromTop(RUNNING_BASELINE), Text.printable(letter.running()));
            out.setNonStrokingColor(0f, 0f, 0f);
        }
        y = fromTop(NEXT_BODY_TOP);
        atTopOfPage = true;
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        pages++;
    }

    private void letterhead() throws IOException {
        float baseline = fromTop(LETTERHEAD_TOP);
        boolean first = true;
        for (String line : letter.letterhead()) {
            show(out, first ? bold : regular, first ? 11 : 8.5f, ADDRESS_LEFT * MM, baseline, Text.printable(line));
            baseline -= first ? 13 : 10.5f;
            first = false;
        }
    }

    private void addressWindow() throws IOException {
        float left = ADDRESS_LEFT * MM + 2 * MM;
        float width = (ADDRESS_WIDTH - 4) * MM;
        if (letter.returnLine() != null) {
            String line = fit(regular, 6.5f, Text.printable(letter.returnLine()), width);
            float baseline = fromTop(ADDRESS_TOP + RETURN_LINE_BASELINE);
            out.setNonStrokingColor(0.25f, 0.25f, 0.25f);
            show(out, regular, 6.5f, left, baseline, line);
            out.setNonStrokingColor(0f, 0f, 0f);
            out.setLineWidth(0.3f);
            out.moveTo(left, baseline - 1.8f);
            out.lineTo(left + width(regular, 6.5f, line), baseline - 1.8f);
            out.stroke();
        }
        float baseline = fromTop(ADDRESS_TOP + ADDRESS_FIRST_BASELINE);
        List<String> lines = letter.address();
        for (int i = 0; i < Math.min(lines.size(), ADDRESS_MAX_LINES); i++) {
            show(out, regular, 10, left, baseline, fit(regular, 10, Text.printable(lines.get(i)), width));
            baseline -= 12;
        }
    }

    private void infoBlock() throws IOException {
        float baseline = fromTop(INFO_TOP);
        float width = (INFO_RIGHT - INFO_LEFT) * MM;
        for (LetterMarkup.Info info : letter.info()) {
            out.setNonStrokingColor(0.35f, 0.35f, 0.35f);
            show(out, regular, 7.5f, INFO_LEFT * MM, baseline, fit(regular, 7.5f, Text.printable(info.label()), width));
            out.setNonStrokingColor(0f, 0f, 0f);
            baseline -= 10;
            show(out, regular, 9, INFO_LEFT * MM, baseline, fit(regular, 9, Text.printable(info.value()), width));
            baseline -= 13;
        }
    }

    private void marks() throws IOException {
        out.setLineWidth(0.4f);
        out.setStrokingColor(0.5f, 0.5f, 0.5f);
        for (float mark : new float[]{105, 210}) {
            out.moveTo(4 * MM, fromTop(mark));
            out.lineTo(8 * MM, fromTop(mark));
        }
        out.moveTo(4 * MM, fromTop(148.5f));
        out.lineTo(10 * MM, fromTop(148.5f));
        out.stroke();
        out.setStrokingColor(0f, 0f, 0f);
    }

    private void block(LetterMarkup.Block block) throws IOException {
        if (block instanceof LetterMarkup.Subject s) {
            lines(bold, 11, 14, BODY_LEFT, BODY_RIGHT, s.text(), null);
            space(10);
        } else if (block instanceof LetterMarkup.Heading h) {
            if (!atTopOfPage) {
                space(8);
            }
            ensure(14 + 3 * 13);
            lines(bold, 10.5f, 14, BODY_LEFT, BODY_RIGHT, h.text(), null);
            space(3);
        } else if (block instanceof LetterMarkup.Paragraph p) {
            lines(regular, 10, 13, BODY_LEFT, BODY_RIGHT, p.text(), null);
            space(6);
        } else if (block instanceof LetterMarkup.Bullet b) {
            lines(regular, 10, 13, BODY_LEFT + 6, BODY_RIGHT, b.text(), "•");
            space(3);
        } else if (block instanceof LetterMarkup.Step s) {
            lines(regular, 10, 13, BODY_LEFT + 7, BODY_RIGHT, s.text(), s.number() + ".");
            space(3);
        } else if (block instanceof LetterMarkup.Code c) {
            code(c);
        } else if (block instanceof LetterMarkup.Gap) {
            space(10);
        }
    }

    /** Wrapped text between two x positions (mm); {@code marker} (a bullet, a step number) hangs to the left. */
    private void lines(PDFont font, float size, float leading, float left, float right, String text, String marker)
            throws IOException {
        List<String> wrapped = wrap(font, size, Text.printable(text), (right - left) * MM);
        for (int i = 0; i < wrapped.size(); i++) {
            ensure(leading);
            y -= leading;
            if (i == 0 && marker != null) {
                show(out, font, size, (BODY_LEFT + 1) * MM, y, Text.printable(marker));
            }
            show(out, font, size, left * MM, y, wrapped.get(i));
            atTopOfPage = false;
        }
    }

    private void code(LetterMarkup.Code code) throws IOException {
        List<String> label = wrap(regular, 10, Text.printable(code.label()), (BODY_RIGHT - BODY_LEFT - CODE_COLUMN) * MM);
        float leading = 15;
        ensure(leading * Math.max(label.size(), 1) + 4);
        float firstBaseline = y - leading;
        for (String line : label) {
            y -= leading;
            show(out, regular, 10, BODY_LEFT * MM, y, line);
        }
        if (label.isEmpty()) {
            y -= leading;
        }
        // Drawn after its label, so that text extraction reads « label CODE ».
        String printedCode = Text.printable(code.code());
        show(out, mono, 12, BODY_RIGHT * MM - width(mono, 12, printedCode), firstBaseline, printedCode);
        y -= 4;
        out.setLineWidth(0.3f);
        out.setStrokingColor(0.75f, 0.75f, 0.75f);
        out.moveTo(BODY_LEFT * MM, y);
        out.lineTo(BODY_RIGHT * MM, y);
        out.stroke();
        out.setStrokingColor(0f, 0f, 0f);
        atTopOfPage = false;
    }

    private void space(float points) {
        if (!atTopOfPage) {
            y -= points;
        }
    }

    private void ensure(float height) throws IOException {
        if (y - height < fromTop(BODY_BOTTOM)) {
            nextPage();
        }
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(font, size, word) > width) {
                int cut = word.length() - 1;
                while (cut > 1 && width(font, size, word.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text, cut short with an ellipsis if it is wider than {@code width}. */
    private static String fit(PDFont font, float size, String text, float width) throws IOException {
        if (width(font, size, text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(font, size, cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    private static void show(PDPageContentStream stream, PDFont font, float size, float x, float baseline, String text)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    private static float fromTop(float millimetres) {
        return A4.getHeight() - millimetres * MM;
    }
}
