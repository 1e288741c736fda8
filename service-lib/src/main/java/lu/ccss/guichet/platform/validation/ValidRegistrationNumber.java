package lu.ccss.guichet.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lu.ccss.guichet.events.RegistrationNumber;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A CCSS registration number ({@link RegistrationNumber}): 11 digits, or 13 with their check digits; spaces allowed. */
@Documented
@Constraint(validatedBy = ValidRegistrationNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidRegistrationNumber {

    String message() default "is not a CCSS registration number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether a missing (null or blank) value is allowed. */
    boolean optional() default false;

    class Validator implements ConstraintValidator<ValidRegistrationNumber, String> {

        private boolean optional;

        @Override
        public void initialize(ValidRegistrationNumber rule) {
            this.optional = rule.optional();
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            String digits = RegistrationNumber.normalise(raw == null ? null : raw.strip());
            if (digits.isEmpty()) {
                return optional || Violations.report(context, "is required");
            }
            return RegistrationNumber.problem(digits).map(problem -> Violations.report(context, problem)).orElse(true);
        }
    }
}
