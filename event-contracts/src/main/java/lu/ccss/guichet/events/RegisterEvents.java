package lu.ccss.guichet.events;

import java.time.Instant;

/**
 * The CCSS employer register as the platform follows it, on {@link Topics#REGISTER}, keyed by registration number.
 * The register is an outside system of the CCSS; its entries are the only trusted source of an employer's or an
 * agent's legal name, postal address and correspondence language. An entry is active from its registration until
 * it is ceased.
 */
public final class RegisterEvents {

    /** What a register entry is. */
    public enum PartyKind {
        /** An employer: codes for its holder go to its registered address. */
        EMPLOYER,
        /** A professional agent (fiduciary, accountant, payroll firm), registered too: its access codes go there. */
        PROFESSIONAL_AGENT
    }

    /** A new entry in the register; {@code language} is fr, de or en. */
    public record EmployerRegistered(String registrationNumber, PartyKind kind, String legalName,
                                     PostalAddress address, String language, Instant registeredAt) {
    }

    /** An entry changed; carries the whole entry as it is now. */
    public record EmployerUpdated(String registrationNumber, PartyKind kind, String legalName, PostalAddress address,
                                  String language, Instant updatedAt) {
    }

    /** The entry ceased (the employer or the agent stopped its activity); it is never active again. */
    public record EmployerCeased(String registrationNumber, Instant ceasedAt) {
    }

    private RegisterEvents() {
    }
}
