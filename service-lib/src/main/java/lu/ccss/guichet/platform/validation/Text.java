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
 * Text a person typed: judged after trimming, at most {@link #max()} characters (code points), no control
 * characters, and present unless {@link #optional()}.
 */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    int max();

    boolean optional() default false;

    String message() default "is not valid text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, String> {

        private Text rule;

        @Override
        public void initialize(Text rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                return rule.optional() || Violations.report(context, "is required");
            }
            if (value.codePointCount(0, value.length()) > rule.max()) {
                return Violations.report(context, "must be at most " + rule.max() + " characters");
            }
            if (value.codePoints().anyMatch(Character::isISOControl)) {
                return Violations.report(context, "must not contain control characters");
            }
            return true;
        }
    }
}
