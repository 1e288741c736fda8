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
 * On an address ({@link Located}): its postcode follows the format of its country ({@link PostalAddresses}). The
 * violation names the {@code postcode} field. The country's own rule is {@link ValidCountry}'s.
 */
@Documented
@Constraint(validatedBy = ValidPostcode.Validator.class)
@Target({ElementType.TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPostcode {

    String message() default "is not a postcode of that country";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What the rule reads: a postcode and the country it belongs to. */
    interface Located {
        String postcode();

        String country();
    }

    class Validator implements ConstraintValidator<ValidPostcode, Located> {

        @Override
        public boolean isValid(Located address, ConstraintValidatorContext context) {
            if (address == null) {
                return true;
            }
            return PostalAddresses.postcodeProblem(address.postcode(), address.country())
                    .map(problem -> Violations.reportOn(context, "postcode", problem)).orElse(true);
        }
    }
}
