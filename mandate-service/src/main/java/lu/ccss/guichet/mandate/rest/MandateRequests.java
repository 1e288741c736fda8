package lu.ccss.guichet.mandate.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.SecurityCode;
import lu.ccss.guichet.platform.validation.Checked;
import lu.ccss.guichet.platform.validation.OneOf;
import lu.ccss.guichet.platform.validation.Text;
import lu.ccss.guichet.platform.validation.ValidCode;
import lu.ccss.guichet.platform.validation.ValidDomain;
import lu.ccss.guichet.platform.validation.Violations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * Request bodies of the mandate API. Their text never shows the codes they carry, and neither do the messages of
 * their constraints: a mistyped code is a 400 naming the field, checked before any code is looked up, so it is never
 * counted as an attempt.
 */
public final class MandateRequests {

    static final int REASON_MAX = 300;

    @Schema(name = "Certify", description = "Procedure C, one domain at a time")
    @SecurityCodeFitsCapacity
    public record Certify(
            @Schema(description = "The domain to certify", required = true,
                    enumeration = {"AFFILIATIONS", "REMUNERATIONS", "EMPLOYER_DATA", "BILLING"})
            @ValidDomain String domain,
            @Schema(description = "HOLDER: main mandate, with a holder access code and the holder's security code "
                    + "(chosen in step 6 of the request); AGENT: obtained mandate, with an agent access code and the "
                    + "agent security code the employer handed over", required = true,
                    enumeration = {"HOLDER", "AGENT"})
            @OneOf(Capacity.class) String capacity,
            @Schema(description = "The access code of that domain as printed: 12 characters (2-9, A-Z without I, L, "
                    + "O, and *); case, spaces and dashes do not matter", example = "ABCD-EFGH-JK2M", required = true)
            @ValidCode(CodeFormat.ACCESS) String accessCode,
            @Schema(description = "HOLDER: the holder's security code, 6 to 10 characters, exactly as chosen; "
                    + "AGENT: the agent security code, 8 characters as printed (case, spaces, dashes do not matter)",
                    required = true) String securityCode) {

        @Override
        public String toString() {
            return "Certify[domain=" + domain + ", capacity=" + capacity + ", codes hidden]";
        }
    }

    @Schema(name = "Revoke")
    public record Revoke(
            @Schema(description = "A holder revocation code as printed: 12 characters; its domain is implied",
                    required = true) @ValidCode(CodeFormat.ACCESS) String revocationCode) {

        @Override
        public String toString() {
            return "Revoke[code hidden]";
        }
    }

    @Schema(name = "Reissue")
    public record Reissue(
            @Schema(description = "Optional: why the codes are reissued (kept in the audit trail), at most 300 "
                    + "characters, one line") @Text(max = REASON_MAX, optional = true) String reason) {
    }

    /**
     * The security code of a {@link Certify} has the shape its capacity says: the holder's own, 6 to 10 characters
     * ({@link SecurityCode}), or an agent security code ({@link CodeFormat#AGENT_SECURITY}). Without a valid
     * capacity only its presence is checked (the capacity is named on its own).
     */
    @Documented
    @Constraint(validatedBy = SecurityCodeFitsCapacity.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface SecurityCodeFitsCapacity {

        String message() default "is not a security code";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<SecurityCodeFitsCapacity, Certify> {

            @Override
            public boolean isValid(Certify certify, ConstraintValidatorContext context) {
                if (certify == null) {
                    return true;
                }
                return problem(Checked.findConstant(Capacity.class, certify.capacity()), certify.securityCode())
                        .map(p -> Violations.reportOn(context, "securityCode", p)).orElse(true);
            }

            private static Optional<String> problem(Optional<Capacity> capacity, String securityCode) {
                if (capacity.isPresent() && capacity.get() == Capacity.AGENT) {
                    return CodeFormat.AGENT_SECURITY.problemWith(securityCode);
                }
                if (securityCode == null || securityCode.isEmpty()) {
                    return Optional.of("is required");
                }
                if (capacity.isPresent() && !SecurityCode.hasValidLength(securityCode)) {
                    return Optional.of("the holder's security code has " + SecurityCode.MIN_LENGTH + " to "
                            + SecurityCode.MAX_LENGTH + " characters");
                }
                return Optional.empty();
            }
        }
    }

    private MandateRequests() {
    }
}
