package lu.ccss.guichet.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lu.ccss.guichet.events.CheckDigits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Luxembourg national identification number: 13 digits whose 12th and 13th are the Luhn and Verhoeff check
 * digits of the first 11; spaces allowed between groups. The message never repeats the number.
 */
@Documented
@Constraint(validatedBy = ValidNationalId.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidNationalId {

    String message() default "is not a national identification number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidNationalId, String> {

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            String digits = raw == null ? "" : raw.replace(" ", "");
            if (digits.isEmpty()) {
                return Violations.report(context, "is required");
            }
            if (!digits.matches("[0-9]{13}")) {
                return Violations.report(context, "must be 13 digits");
            }
            return CheckDigits.isValidNationalNumber(digits)
                    || Violations.report(context, "is not a valid national identification number (check digits)");
        }
    }
}
