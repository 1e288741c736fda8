package lu.ccss.guichet.mailing.render;

import java.text.Normalizer;

/** Text as it may be printed: one line, and only characters the letter's standard PDF fonts can show. */
public final class Text {

    /** Characters of WinAnsiEncoding outside Latin-1, which Helvetica and Courier can print as well. */
    private static final String WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

    private Text() {
    }

    /** Collapses line breaks, tabs and other control characters to single spaces and trims; null stays null. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
    }

    /**
     * The text with every character the standard fonts lack replaced: accents are dropped where that leaves a
     * printable letter (« ł » stays unprintable and becomes « ? », « ő » becomes « o »).
     */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (printable(cp)) {
                out.appendCodePoint(cp);
                return;
            }
            String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            if (!base.isEmpty() && base.codePoints().allMatch(Text::printable)) {
                out.append(base);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean printable(int cp) {
        return cp >= 0x20 && cp <= 0x7E || cp >= 0xA0 && cp <= 0xFF || WIN_ANSI_EXTRA.indexOf(cp) >= 0;
    }
}
