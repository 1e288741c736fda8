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
import java.util.Arrays;
import java.util.stream.Collectors;

/** The name of one constant of {@link #value()}, in any case, surrounding spaces ignored. */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    boolean optional() default false;

    String message() default "is not an allowed value";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {

        private OneOf rule;
        private String allowed;

        @Override
        public void initialize(OneOf rule) {
            this.rule = rule;
            this.allowed = Arrays.stream(rule.value().getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "));
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            if (raw == null || raw.isBlank()) {
                return rule.optional() || Violations.report(context, "is required: one of " + allowed);
            }
            return Checked.findConstant(rule.value(), raw).isPresent()
                    || Violations.report(context, "must be one of " + allowed);
        }
    }
}
