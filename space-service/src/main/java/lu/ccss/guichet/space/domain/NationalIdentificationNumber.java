package lu.ccss.guichet.space.domain;

import lu.ccss.guichet.events.CheckDigits;
import lu.ccss.guichet.platform.errors.DomainException;

/**
 * A Luxembourg national identification number (matricule national): 13 digits, the birth date (YYYYMMDD) and a
 * sequence number (3 digits), then a Luhn check digit and a Verhoeff check digit, both over the first 11 digits.
 * Personal data: it is never stored, logged or published; {@link #toString()} masks it.
 */
public final class NationalIdentificationNumber {

    public static final int LENGTH = 13;
    /** How many trailing digits an administrator sees to recognise whom they invited. */
    public static final int SHOWN_DIGITS = 3;

    private final String digits;

    private NationalIdentificationNumber(String digits) {
        this.digits = digits;
    }

    /** Checks what a person typed (spaces allowed between groups of digits); a broken rule is a 400 on {@code field}. */
    public static NationalIdentificationNumber of(String raw, String field) {
        String digits = raw == null ? "" : raw.replace(" ", "");
        if (digits.isEmpty()) {
            throw DomainException.invalidField(field, "is required");
        }
        if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw DomainException.invalidField(field, "must be " + LENGTH + " digits");
        }
        if (!isValid(digits)) {
            throw DomainException.invalidField(field, "is not a valid national identification number (check digits)");
        }
        return new NationalIdentificationNumber(digits);
    }

    /** True for 13 digits whose 12th is the Luhn and 13th the Verhoeff check digit of the first 11. */
    public static boolean isValid(String digits) {
        return CheckDigits.isValidNationalNumber(digits);
    }

    public String digits() {
        return digits;
    }

    public String lastDigits() {
        return digits.substring(LENGTH - SHOWN_DIGITS);
    }

    @Override
    public String toString() {
        return "*".repeat(LENGTH - SHOWN_DIGITS) + lastDigits();
    }
}
