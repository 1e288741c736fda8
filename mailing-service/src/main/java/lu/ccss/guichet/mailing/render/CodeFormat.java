package lu.ccss.guichet.mailing.render;

/** Codes are printed in groups of four characters: {@code ABCD-EFGH-JK2M}. */
public final class CodeFormat {

    private CodeFormat() {
    }

    /** Regroups a code by four, whatever separators it arrived with. */
    public static String groupsOfFour(String code) {
        String compact = code.replaceAll("[\\s-]", "");
        StringBuilder out = new StringBuilder(compact.length() + compact.length() / 4);
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(compact.charAt(i));
        }
        return out.toString();
    }

    /**
     * Whether a code holds only what a code may hold: letters, digits, the asterisk and separators. The
     * mandate-service draws codes from 2-9, A-Z without I, L and O, and {@code *} (its 32nd symbol), so one code in
     * three or so holds an asterisk.
     */
    public static boolean wellFormed(String code) {
        return code != null && code.matches("[A-Za-z0-9* -]{4,64}");
    }
}
