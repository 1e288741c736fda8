package lu.ccss.guichet.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lu.ccss.guichet.events.Domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One of the four domains, as {@link Domain#parse} reads it (any case, surrounding spaces ignored). */
@Documented
@Constraint(validatedBy = ValidDomain.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidDomain {

    boolean optional() default false;

    String message() default "is not a domain";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidDomain, String> {

        private boolean optional;

        @Override
        public void initialize(ValidDomain rule) {
            this.optional = rule.optional();
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            if (raw == null || raw.isBlank()) {
                return optional || Violations.report(context, "is required: one of " + Domain.NAMES);
            }
            return Domain.parse(raw).isPresent() || Violations.report(context, "must be one of " + Domain.NAMES);
        }
    }
}
