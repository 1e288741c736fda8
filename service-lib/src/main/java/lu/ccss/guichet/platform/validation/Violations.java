package lu.ccss.guichet.platform.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a violation with a message computed by the rule (never what was typed). */
public final class Violations {

    private Violations() {
    }

    /** Always false, so that a validator can {@code return Violations.report(...)}. */
    public static boolean report(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
        return false;
    }

    /**
     * Reports a violation on one property of the validated object, for a class-level constraint (a rule over several
     * fields): the error names that property. Always false.
     */
    public static boolean reportOn(ConstraintValidatorContext context, String property, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addPropertyNode(property)
                .addConstraintViolation();
        return false;
    }

    /** Bean Validation message templates interpolate {…} and ${…}: the message is literal text. */
    private static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
