package lu.ccss.guichet.events;

import java.security.SecureRandom;

/**
 * The 32 symbols of every code a person types from a letter, and its check character.
 *
 * <p>Symbols: the digits 2–9, the letters A–Z without I, L and O, and {@code *} — 8 + 23 + 1 = 32. The look-alikes
 * 0/O, 1/I/L never appear. Only 31 letters and digits survive that rule, so the 32nd symbol is the asterisk, which
 * ISO/IEC 7064 also uses as a code symbol: it cannot be mistaken for a letter or digit and has its own key on the
 * numeric keypad and on French, Belgian and German keyboards.
 *
 * <p>Check character: the symbols are the elements of the finite field GF(32) (polynomials modulo the primitive
 * polynomial x⁵ + x² + 1); the check character makes {@code Σ vᵢ·αⁿ⁻ⁱ = 0} where α is the primitive element x.
 * This is the field analogue of ISO/IEC 7064's prime-modulus schemes (a weighted sum modulo 37 would need 37 check
 * symbols). A single wrong character changes the sum by {@code (v−v′)·αᵏ ≠ 0}; swapping the characters at any two
 * positions i, j changes it by {@code (x−y)(αⁱ+αʲ)}, which is non-zero while |i−j| &lt; 31 — so every substitution
 * and every transposition, adjacent or not, of a code up to 31 characters is caught.
 * {@code CodeAlphabetTest} checks this exhaustively.
 */
public final class CodeAlphabet {

    public static final String SYMBOLS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ*";
    public static final int SIZE = 32;
    /** Printed in groups of four separated by this character. */
    public static final char GROUP_SEPARATOR = '-';
    public static final int GROUP_LENGTH = 4;

    private static final int REDUCTION = 0b100101; // x^5 + x^2 + 1
    private static final int[] VALUE = new int[128];
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < SIZE; i++) {
            VALUE[SYMBOLS.charAt(i)] = i;
        }
    }

    private CodeAlphabet() {
    }

    public static boolean isSymbol(char c) {
        return c < 128 && VALUE[c] >= 0;
    }

    /** A fresh code of {@code length} symbols from {@link SecureRandom}, the last being the check character. */
    public static String randomCodeWithCheck(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length - 1; i++) {
            code[i] = SYMBOLS.charAt(RANDOM.nextInt(SIZE));
        }
        code[length - 1] = checkCharacter(new String(code, 0, length - 1));
        return new String(code);
    }

    /** The character to append to {@code payload} so that the whole code passes {@link #hasValidCheck}. */
    public static char checkCharacter(CharSequence payload) {
        return SYMBOLS.charAt(timesAlpha(fold(payload)));
    }

    /** Whether the last character of {@code code} (symbols only) is the check character of the others. */
    public static boolean hasValidCheck(CharSequence code) {
        return code.length() > 1 && fold(code) == 0;
    }

    /** Groups of four separated by dashes, as printed on a letter: {@code ABCD-EFGH-JK2M}. */
    public static String print(String code) {
        StringBuilder printed = new StringBuilder(code.length() + code.length() / GROUP_LENGTH);
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % GROUP_LENGTH == 0) {
                printed.append(GROUP_SEPARATOR);
            }
            printed.append(code.charAt(i));
        }
        return printed.toString();
    }

    /** Horner's rule in GF(32): ((v₁·α + v₂)·α + v₃)…, addition being XOR. */
    static int fold(CharSequence symbols) {
        int sum = 0;
        for (int i = 0; i < symbols.length(); i++) {
            sum = timesAlpha(sum) ^ value(symbols.charAt(i));
        }
        return sum;
    }

    static int timesAlpha(int v) {
        int shifted = v << 1;
        return (shifted & SIZE) != 0 ? shifted ^ REDUCTION : shifted;
    }

    static int value(char c) {
        if (!isSymbol(c)) {
            throw new IllegalArgumentException("Not a code symbol");
        }
        return VALUE[c];
    }
}
