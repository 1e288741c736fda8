package lu.ccss.guichet.platform.logging;

/**
 * Values that may appear in logs only in part. Logs travel further than the databases (aggregators, support
 * tickets) and are kept longer, so a person's national identification number never appears in one.
 */
public final class Redacted {

    private Redacted() {
    }

    /**
     * A CCSS registration number as it may be logged. A 13-digit number is a natural person's national
     * identification number ({@code YYYYMMDDNNNCC}): only its first four digits (the birth year) are kept, enough to
     * tell numbers apart in an incident together with the ids logged next to it, the rest is masked:
     * {@code 1985*********}. An 11-digit number is an employer's (a company's) number from the register and is
     * logged as it is: operators need it to follow an employer through the logs. Anything else (a value that was
     * never validated) is masked entirely, keeping only its length.
     */
    public static String registrationNumber(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replace(" ", "");
        if (digits.length() == 11 && digits.chars().allMatch(Redacted::isDigit)) {
            return digits;
        }
        if (digits.length() == 13 && digits.chars().allMatch(Redacted::isDigit)) {
            return digits.substring(0, 4) + "*".repeat(9);
        }
        return "[" + number.length() + " characters masked]";
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
