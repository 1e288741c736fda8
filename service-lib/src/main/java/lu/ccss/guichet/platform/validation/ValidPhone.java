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
 * A phone number in international form (E.164): {@code +}, a country code never starting with 0 and the number, 8 to
 * 15 digits in all; spaces allowed, {@link Validator#normalise} removes them.
 */
@Documented
@Constraint(validatedBy = ValidPhone.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPhone {

    String message() default "is not a phone number in international form";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPhone, String> {

        private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

        /** The number as kept: without spaces. */
        public static String normalise(String raw) {
            return raw == null ? "" : raw.strip().replace(" ", "");
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            String value = normalise(raw);
            if (value.isEmpty()) {
                return Violations.report(context, "is required");
            }
            return E164.matcher(value).matches() || Violations.report(context, "must be in international form: + and "
                    + "8 to 15 digits, spaces allowed, e.g. +352 621 123 456");
        }
    }
}
