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

/** An ISO 3166-1 alpha-2 country code, in any case, surrounding spaces ignored ({@link PostalAddresses#country}). */
@Documented
@Constraint(validatedBy = ValidCountry.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCountry {

    String message() default "is not a country code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCountry, String> {

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            if (PostalAddresses.country(raw).isEmpty()) {
                return Violations.report(context, "is required");
            }
            return PostalAddresses.isCountry(raw)
                    || Violations.report(context, "must be an ISO 3166-1 alpha-2 country code, e.g. LU, BE, FR, DE");
        }
    }
}
