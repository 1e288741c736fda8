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
import java.util.UUID;

/**
 * A UUID written as text (a query parameter), surrounding spaces ignored; required. Read a checked value with
 * {@code UUID.fromString(raw.strip())}.
 */
@Documented
@Constraint(validatedBy = ValidUuid.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidUuid {

    String message() default "is not a UUID";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidUuid, String> {

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            if (raw == null || raw.isBlank()) {
                return Violations.report(context, "is required");
            }
            try {
                UUID.fromString(raw.strip());
                return true;
            } catch (IllegalArgumentException e) {
                return Violations.report(context, "must be a UUID");
            }
        }
    }
}
