package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegistrationNumber;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An agent (mandataire) the employer chose, the domains it may act in (at least one) and, optionally, the day its
 * mandate ends. The name and the address are the employer register's, never typed.
 */
public record AgentDetails(String registrationNumber, String name, PostalAddress address, String email,
                           Set<Domain> domains, LocalDate mandateEndsOn) {

    /**
     * An agent as typed, its fields already checked by the request's annotations (StepRequests.Agent);
     * {@code domains} are domain codes, possibly listed twice (the agents step refuses that); {@code mandateEndsOn}
     * may be null (no end date).
     */
    public record Input(String registrationNumber, String email, List<String> domains, LocalDate mandateEndsOn) {

        /** The registration number without spaces. */
        public String number() {
            return RegistrationNumber.normalise(registrationNumber.strip());
        }
    }

    /** Reads an agent whose fields were checked, named and addressed as {@code registered} (null if it is not). */
    static AgentDetails of(Input input, RegisteredParty registered) {
        Set<Domain> domains = EnumSet.noneOf(Domain.class);
        input.domains().forEach(code -> domains.add(Domain.parse(code).orElseThrow()));
        return new AgentDetails(input.number(), registered == null ? null : registered.legalName(),
                registered == null ? null : registered.address(), input.email().strip(), domains,
                input.mandateEndsOn());
    }

    /** The same agent, named and addressed as the register has it now. */
    public AgentDetails as(RegisteredParty registered) {
        return new AgentDetails(registrationNumber, registered.legalName(), registered.address(), email, domains,
                mandateEndsOn);
    }
}
