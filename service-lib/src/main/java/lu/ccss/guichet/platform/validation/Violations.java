package lu.ccss.guichet.platform.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a violation with a message computed by the rule (never what was typed). */
final class Violations {

    private Violations() {
    }

    /** Always false, so that a validator can {@code return Violations.report(...)}. */
    static boolean report(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        // Bean Validation message templates interpolate {…} and ${…}: the message is literal text.
        String literal = message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        context.buildConstraintViolationWithTemplate(literal).addConstraintViolation();
        return false;
    }
}
