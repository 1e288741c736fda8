package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.events.SecurityCode;

import java.util.regex.Pattern;

/**
 * The holder's security code (step 6): 6 to 10 characters among the letters A–Z and a–z, the digits 0–9 and
 * {@code - _ . ! ? @ # $ % & * + =}, typed twice. It is checked here, hashed at once and never kept, echoed or logged.
 */
public final class SecurityCodeRules {

    public static final int MIN_LENGTH = SecurityCode.MIN_LENGTH;
    public static final int MAX_LENGTH = SecurityCode.MAX_LENGTH;
    public static final String ALLOWED_SYMBOLS = "-_.!?@#$%&*+=";
    public static final String DESCRIPTION = MIN_LENGTH + " to " + MAX_LENGTH
            + " characters among the letters A-Z and a-z, the digits 0-9 and " + ALLOWED_SYMBOLS;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9" + Pattern.quote(ALLOWED_SYMBOLS) + "]*");

    private SecurityCodeRules() {
    }

    /** Records what is wrong with the code and its confirmation, without ever quoting them. */
    public static void check(FieldErrors errors, String code, String confirmation) {
        if (code == null || code.isEmpty()) {
            errors.add("code", "is required");
        } else if (!SecurityCode.hasValidLength(code)) {
            errors.add("code", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        } else if (!ALLOWED.matcher(code).matches()) {
            errors.add("code", "may only contain the letters A-Z and a-z, the digits 0-9 and " + ALLOWED_SYMBOLS);
        }
        if (confirmation == null || confirmation.isEmpty()) {
            errors.add("confirmation", "is required: type the code a second time");
        } else if (code != null && !code.equals(confirmation)) {
            errors.add("confirmation", "does not match the code");
        }
    }
}
