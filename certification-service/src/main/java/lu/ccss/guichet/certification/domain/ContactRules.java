package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.platform.errors.FieldErrors;
import java.util.regex.Pattern;

/** Phone numbers and e-mail addresses as the CCSS can use them. */
public final class ContactRules {

    public static final int EMAIL_MAX = 254;

    /** {@code +}, a country code (never starting with 0) and the number: 8 to 15 digits in all (E.164). */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    private ContactRules() {
    }

    /** The phone number without spaces, or null after recording why it is not in international form. */
    public static String phone(FieldErrors errors, String field, String raw) {
        String value = raw == null ? "" : raw.strip().replace(" ", "");
        if (value.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        if (!PHONE.matcher(value).matches()) {
            errors.add(field, "must be in international form: + and 8 to 15 digits, spaces allowed, "
                    + "e.g. +352 621 123 456");
            return null;
        }
        return value;
    }

    /** The trimmed e-mail address, or null after recording why it is not one. */
    public static String email(FieldErrors errors, String field, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        if (value.length() > EMAIL_MAX || !isEmail(value)) {
            errors.add(field, "must be a valid e-mail address, e.g. name@example.lu");
            return null;
        }
        return value;
    }

    static boolean isEmail(String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0 || at != value.indexOf('@') || at > 64) {
            return false;
        }
        String local = value.substring(0, at);
        String[] labels = value.substring(at + 1).split("\\.", -1);
        if (!EMAIL_LOCAL.matcher(local).matches() || labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
    }
}
