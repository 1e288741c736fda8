package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.domain.RegisteredParty;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.platform.register.EmployerRegister;
import lu.ccss.guichet.platform.register.RegisterEntry;

import java.util.Optional;

/**
 * The one place where the request meets the CCSS employer register: an employer must be registered, active and of
 * kind EMPLOYER; an agent registered, active and of kind PROFESSIONAL_AGENT. Its legal name and address are then
 * the register's. The reasons never repeat the number that was typed.
 */
@ApplicationScoped
public class RegisteredParties {

    static final String NOT_REGISTERED = "is not in the CCSS employer register: check the registration number, or "
            + "ask the CCSS to register it first";
    static final String CEASED = "is ceased in the CCSS employer register: codes are no longer sent for it";

    private final EmployerRegister register;

    public RegisteredParties(EmployerRegister register) {
        this.register = register;
    }

    /** The registered employer {@code number}; 400 naming {@code field} otherwise. */
    public RegisteredParty employer(String number, String field) {
        FieldErrors errors = new FieldErrors();
        RegisteredParty employer = employer(number, field, errors);
        errors.throwIfAny("The employer step");
        return employer;
    }

    /** The registered employer {@code number}, or null with the reason added to {@code errors} under {@code field}. */
    public RegisteredParty employer(String number, String field, FieldErrors errors) {
        return find(number, PartyKind.EMPLOYER, field, errors);
    }

    /** The registered professional agent {@code number}, or null with the reason added to {@code errors}. */
    public RegisteredParty agent(String number, String field, FieldErrors errors) {
        return find(number, PartyKind.PROFESSIONAL_AGENT, field, errors);
    }

    private RegisteredParty find(String number, PartyKind expected, String field, FieldErrors errors) {
        Optional<RegisterEntry> found = register.find(number);
        String reason = found.isEmpty() ? NOT_REGISTERED : reason(found.get(), expected);
        if (reason != null) {
            errors.add(field, reason);
            return null;
        }
        RegisterEntry entry = found.get();
        return new RegisteredParty(entry.registrationNumber(), entry.legalName(), entry.address());
    }

    private static String reason(RegisterEntry entry, PartyKind expected) {
        if (!entry.isActive()) {
            return CEASED;
        }
        if (entry.kind() != expected) {
            return expected == PartyKind.EMPLOYER
                    ? "is registered as a professional agent, not an employer, in the CCSS employer register"
                    : "is registered as an employer, not a professional agent, in the CCSS employer register";
        }
        return null;
    }
}
