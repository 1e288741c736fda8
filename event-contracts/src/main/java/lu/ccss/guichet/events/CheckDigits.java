package lu.ccss.guichet.events;

/**
 * The Luhn (mod 10) and Verhoeff check digits of a string of decimal digits, as used by the Luxembourg 13-digit
 * national identification number: {@code YYYYMMDDNNN}, then the Luhn digit, then the Verhoeff digit, both computed
 * over the first 11 digits.
 */
public final class CheckDigits {

    private static final int[][] VERHOEFF_D = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
            {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
            {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
            {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
            {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
            {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    private static final int[] VERHOEFF_INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    private CheckDigits() {
    }

    /** The digit that, appended to {@code digits}, makes the whole pass the Luhn check. */
    public static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** The digit that, appended to {@code digits}, makes the whole pass the Verhoeff check. */
    public static int verhoeff(String digits) {
        int c = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][digit]];
        }
        return VERHOEFF_INV[c];
    }

    /** True for 13 digits whose 12th is the Luhn and 13th the Verhoeff check digit of the first 11. */
    public static boolean isValidNationalNumber(String digits) {
        if (digits == null || !digits.matches("[0-9]{13}")) {
            return false;
        }
        String payload = digits.substring(0, 11);
        return luhn(payload) == digits.charAt(11) - '0' && verhoeff(payload) == digits.charAt(12) - '0';
    }

    /** The 13-digit national number made of an 11-digit payload and its two check digits. */
    public static String nationalNumber(String payload) {
        return payload + luhn(payload) + verhoeff(payload);
    }
}
