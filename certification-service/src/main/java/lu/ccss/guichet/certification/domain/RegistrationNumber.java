package lu.ccss.guichet.certification.domain;

import java.time.Year;
import java.util.Optional;

/**
 * The CCSS registration number (matricule) of an employer or agent.
 * <ul>
 *   <li>13 digits: the national identification number of a natural person, {@code YYYYMMDDNNN} followed by a Luhn
 *   check digit (12th) and a Verhoeff check digit (13th), both computed over the first 11 digits. Both are checked.
 *   <li>11 digits: the number of a legal person (year of registration, then seven digits) or an employer number of
 *   the older {@code YYYYMMDDNNN} form. It carries no check digit; only its shape is checked: digits, and a first four
 *   digits that form a year from 1800 to the current year.
 * </ul>
 * Spaces typed between groups of digits are removed.
 */
public final class RegistrationNumber {

    static final int FIRST_YEAR = 1800;

    private static final int[][] VERHOEFF_D = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
            {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
            {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
            {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
            {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 8, 7, 6, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
            {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    private static final int[] VERHOEFF_INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    private RegistrationNumber() {
    }

    /** The number without spaces, or null after recording why it is not a valid registration number. */
    public static String validate(FieldErrors errors, String field, String raw) {
        String digits = raw == null ? "" : raw.replace(" ", "");
        if (digits.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        Optional<String> problem = problem(digits);
        problem.ifPresent(message -> errors.add(field, message));
        return problem.isPresent() ? null : digits;
    }

    /** Why {@code digits} is not a valid registration number, if it is not. */
    public static Optional<String> problem(String digits) {
        if (!digits.matches("[0-9]{11}|[0-9]{13}")) {
            return Optional.of("must be 11 or 13 digits");
        }
        if (digits.length() == 11) {
            int year = Integer.parseInt(digits.substring(0, 4));
            if (year < FIRST_YEAR || year > Year.now().getValue()) {
                return Optional.of("must start with a year from " + FIRST_YEAR + " to the current year");
            }
            return Optional.empty();
        }
        String payload = digits.substring(0, 11);
        if (digits.charAt(11) - '0' != luhnCheckDigit(payload)) {
            return Optional.of("is not a valid 13-digit number: its 12th digit (Luhn check digit) does not match");
        }
        if (digits.charAt(12) - '0' != verhoeffCheckDigit(payload)) {
            return Optional.of("is not a valid 13-digit number: its 13th digit (Verhoeff check digit) does not match");
        }
        return Optional.empty();
    }

    /** The Luhn (mod 10) digit to append to {@code digits}. */
    public static int luhnCheckDigit(String digits) {
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

    /** The Verhoeff (dihedral group D5) digit to append to {@code digits}. */
    public static int verhoeffCheckDigit(String digits) {
        int check = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            check = VERHOEFF_D[check][VERHOEFF_P[(i + 1) % 8][digit]];
        }
        return VERHOEFF_INV[check];
    }
}
