package lu.ccss.guichet.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lu.ccss.guichet.events.Language;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A correspondence language code, as {@link Language#parse} reads it: fr, de or en. */
@Documented
@Constraint(validatedBy = ValidLanguage.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidLanguage {

    boolean optional() default false;

    String message() default "is not a language";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidLanguage, String> {

        private boolean optional;

        @Override
        public void initialize(ValidLanguage rule) {
            this.optional = rule.optional();
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            if (raw == null || raw.isBlank()) {
                return optional || Violations.report(context, "is required");
            }
            return Language.parse(raw).isPresent() || Violations.report(context, "must be " + Language.CODES);
        }
    }
}
