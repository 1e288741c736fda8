package lu.ccss.guichet.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lu.ccss.guichet.events.CodeFormat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A code of the given {@link CodeFormat} as a person typed it (case, spaces and dashes ignored), as
 * {@link CodeFormat#problemWith} judges it: a mistyped code is refused before it is ever looked up, so it never counts
 * as an attempt. The message never repeats the code.
 */
@Documented
@Constraint(validatedBy = ValidCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCode {

    CodeFormat value();

    String message() default "is not a well-formed code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCode, String> {

        private CodeFormat format;

        @Override
        public void initialize(ValidCode rule) {
            this.format = rule.value();
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            return format.problemWith(raw).map(problem -> Violations.report(context, problem)).orElse(true);
        }
    }
}
