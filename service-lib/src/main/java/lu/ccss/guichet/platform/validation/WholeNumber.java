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

/**
 * A whole number from {@link #min()} to {@link #max()} given as text (a query parameter: JAX-RS would answer one
 * that is not a number with 404 instead of naming it), surrounding spaces ignored. Absent or blank is allowed: the
 * caller applies its default, see {@link Checked#wholeNumber}.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    long min();

    long max();

    String message() default "is not a whole number in range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WholeNumber, String> {

        private WholeNumber rule;

        @Override
        public void initialize(WholeNumber rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            if (raw == null || raw.isBlank()) {
                return true;
            }
            try {
                long value = Long.parseLong(raw.strip());
                if (value >= rule.min() && value <= rule.max()) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return Violations.report(context, "must be a whole number from " + rule.min() + " to " + rule.max());
        }
    }
}
