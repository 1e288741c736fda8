package lu.ccss.guichet.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An e-mail address a letter or a mail can be sent to, judged after trimming: at most {@link #MAX} characters, one
 * {@code @}, a local part of at most 64 characters (dot-atoms, ASCII), a domain of at least two DNS labels whose last
 * is alphabetic or an IDN ({@code xn--}) top-level domain.
 */
@Documented
@Constraint(validatedBy = ValidEmail.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidEmail {

    int MAX = 254;

    String message() default "is not an e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidEmail, String> {

        private static final Pattern LOCAL =
                Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
        private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
        private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                return Violations.report(context, "is required");
            }
            return value.length() <= MAX && isEmail(value)
                    || Violations.report(context, "must be a valid e-mail address, e.g. name@example.lu");
        }

        static boolean isEmail(String value) {
            int at = value.lastIndexOf('@');
            if (at <= 0 || at != value.indexOf('@') || at > 64) {
                return false;
            }
            String[] labels = value.substring(at + 1).split("\\.", -1);
            if (!LOCAL.matcher(value.substring(0, at)).matches() || labels.length < 2) {
                return false;
            }
            for (String label : labels) {
                if (!LABEL.matcher(label).matches()) {
                    return false;
                }
            }
            return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
        }
    }
}
