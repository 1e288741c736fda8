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
 * A UUID given as text (a query parameter: JAX-RS would answer a malformed one with 404), surrounding spaces
 * ignored; present unless {@link #optional()}. Read the checked value with {@link Checked#uuid}.
 */
@Documented
@Constraint(validatedBy = ValidUuid.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidUuid {

    boolean optional() default false;

    String message() default "is not a UUID";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidUuid, String> {

        private static final Pattern UUID_TEXT =
                Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        private boolean optional;

        @Override
        public void initialize(ValidUuid rule) {
            this.optional = rule.optional();
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            if (raw == null || raw.isBlank()) {
                return optional || Violations.report(context, "is required: a UUID");
            }
            return UUID_TEXT.matcher(raw.strip()).matches() || Violations.report(context, "must be a UUID");
        }
    }
}
