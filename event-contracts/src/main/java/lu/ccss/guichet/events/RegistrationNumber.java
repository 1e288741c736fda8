package lu.ccss.guichet.events;

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

    private RegistrationNumber() {
    }

    /** The number without the spaces a person may type between groups of digits. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.replace(" ", "");
    }

    public static boolean isValid(String raw) {
        String digits = normalise(raw);
        return !digits.isEmpty() && problem(digits).isEmpty();
    }

    /** Why {@code digits} is not a valid registration number, if it is not. */
    public static Optional<String> problem(String digits) {
        if (digits == null || !digits.matches("[0-9]{11}|[0-9]{13}")) {
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
        if (digits.charAt(11) - '0' != CheckDigits.luhn(payload)) {
            return Optional.of("is not a valid 13-digit number: its 12th digit (Luhn check digit) does not match");
        }
        if (digits.charAt(12) - '0' != CheckDigits.verhoeff(payload)) {
            return Optional.of("is not a valid 13-digit number: its 13th digit (Verhoeff check digit) does not match");
        }
        return Optional.empty();
    }
}
