package lu.ccss.guichet.certification.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lu.ccss.guichet.events.SecurityCode;
import lu.ccss.guichet.platform.validation.Violations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * The holder's security code (step 6), typed twice: {@link #DESCRIPTION}, and the confirmation is the same code. The
 * violations name the {@code code} or {@code confirmation} field and never quote what was typed; the code is hashed
 * at once and never kept, echoed or logged.
 */
@Documented
@Constraint(validatedBy = ValidSecurityCode.Validator.class)
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidSecurityCode {

    int MIN_LENGTH = SecurityCode.MIN_LENGTH;
    int MAX_LENGTH = SecurityCode.MAX_LENGTH;
    String ALLOWED_SYMBOLS = "-_.!?@#$%&*+=";
    String DESCRIPTION = MIN_LENGTH + " to " + MAX_LENGTH
            + " characters among the letters A-Z and a-z, the digits 0-9 and " + ALLOWED_SYMBOLS;

    String message() default "is not a valid security code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidSecurityCode, StepRequests.SecurityCode> {

        private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9" + Pattern.quote(ALLOWED_SYMBOLS) + "]*");

        @Override
        public boolean isValid(StepRequests.SecurityCode typed, ConstraintValidatorContext context) {
            if (typed == null) {
                return true;
            }
            String code = typed.code();
            String confirmation = typed.confirmation();
            boolean valid = true;
            if (code == null || code.isEmpty()) {
                valid = Violations.reportOn(context, "code", "is required");
            } else if (!SecurityCode.hasValidLength(code)) {
                valid = Violations.reportOn(context, "code", "must be " + MIN_LENGTH + " to " + MAX_LENGTH
                        + " characters long");
            } else if (!ALLOWED.matcher(code).matches()) {
                valid = Violations.reportOn(context, "code", "may only contain the letters A-Z and a-z, the digits "
                        + "0-9 and " + ALLOWED_SYMBOLS);
            }
            if (confirmation == null || confirmation.isEmpty()) {
                valid = Violations.reportOn(context, "confirmation", "is required: type the code a second time");
            } else if (code != null && !code.equals(confirmation)) {
                valid = Violations.reportOn(context, "confirmation", "does not match the code");
            }
            return valid;
        }
    }
}
