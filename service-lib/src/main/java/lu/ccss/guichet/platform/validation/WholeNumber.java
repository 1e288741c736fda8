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
 * A whole number from {@link #min()} to {@link #max()} written as text (a query parameter), surrounding spaces
 * ignored; absent or blank is allowed (the caller falls back to a default, see {@link Validator#valueOr}).
 */
@Documented
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    int min() default 0;

    int max() default Integer.MAX_VALUE;

    String message() default "is not a whole number in range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WholeNumber, String> {

        private WholeNumber rule;

        /** The number a value already checked by {@link WholeNumber} writes, or {@code fallback} when absent. */
        public static int valueOr(String raw, int fallback) {
            return raw == null || raw.isBlank() ? fallback : Integer.parseInt(raw.strip());
        }

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
                int value = Integer.parseInt(raw.strip());
                if (value >= rule.min() && value <= rule.max()) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return Violations.report(context, rule.max() == Integer.MAX_VALUE
                    ? "must be a whole number from " + rule.min()
                    : "must be a whole number from " + rule.min() + " to " + rule.max());
        }
    }
}
