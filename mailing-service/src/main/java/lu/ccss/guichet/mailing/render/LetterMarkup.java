package lu.ccss.guichet.mailing.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A letter as its template writes it: one directive per line, which {@link PdfLetterWriter} lays out on A4.
 * <pre>
 * &#64;letterhead text    a line of the sender block (the first is set bold)
 * &#64;return text        the sender's return line at the top of the address window
 * &#64;address text       a line of the recipient's address
 * &#64;info label|value   an entry of the information block (date, reference, ...)
 * &#64;running text       the header of every page after the first
 * &#64;subject text       the subject line
 * &#64;h text             a section heading
 * &#64;p text             a paragraph
 * &#64;li text            a bullet point
 * &#64;step n|text        a numbered step
 * &#64;code label|code    a code: the label on the left, the code in a fixed-width face on the right
 * &#64;gap                some vertical space
 * </pre>
 * Blank lines are ignored. Data reaches a template with line breaks removed ({@link Text#clean}), so a value can
 * never start a directive of its own; any other line is a template error.
 */
public record LetterMarkup(List<String> letterhead, String returnLine, List<String> address, List<Info> info,
                           String running, List<Block> body) {

    public record Info(String label, String value) {
    }

    public sealed interface Block {
    }

    public record Subject(String text) implements Block {
    }

    public record Heading(String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Bullet(String text) implements Block {
    }

    public record Step(String number, String text) implements Block {
    }

    public record Code(String label, String code) implements Block {
    }

    public record Gap() implements Block {
    }

    public static LetterMarkup parse(String text) {
        List<String> letterhead = new ArrayList<>();
        List<String> address = new ArrayList<>();
        List<Info> info = new ArrayList<>();
        List<Block> body = new ArrayList<>();
        String returnLine = null;
        String running = null;
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            String directive = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            switch (directive) {
                case "@letterhead" -> letterhead.add(rest);
                case "@return" -> returnLine = rest;
                case "@address" -> {
                    if (!rest.isEmpty()) {
                        address.add(rest);
                    }
                }
                case "@info" -> {
                    int bar = rest.indexOf('|');
                    info.add(new Info(rest.substring(0, Math.max(bar, 0)).strip(), rest.substring(bar + 1).strip()));
                }
                case "@running" -> running = rest;
                case "@subject" -> body.add(new Subject(rest));
                case "@h" -> body.add(new Heading(rest));
                case "@p" -> body.add(new Paragraph(rest));
                case "@li" -> body.add(new Bullet(rest));
                case "@step" -> {
                    int bar = rest.indexOf('|');
                    body.add(new Step(rest.substring(0, Math.max(bar, 0)).strip(), rest.substring(bar + 1).strip()));
                }
                case "@code" -> {
                    // The label may carry a name (data); the code never holds a bar, so split at the last one.
                    int bar = rest.lastIndexOf('|');
                    body.add(new Code(rest.substring(0, Math.max(bar, 0)).strip(), rest.substring(bar + 1).strip()));
                }
                case "@gap" -> body.add(new Gap());
                default -> throw new IllegalStateException("Letter template line " + lineNumber
                        + " starts with an unknown directive: " + directive);
            }
        }
        return new LetterMarkup(letterhead, returnLine, address, info, running, body);
    }
}
