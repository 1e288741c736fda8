package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.platform.validation.PostalAddresses;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** An agent (mandataire) the employer chose, and the domains it may act in (at least one). */
public record AgentDetails(String registrationNumber, String name, PostalAddress address, String email,
                           Set<Domain> domains) {

    public static final int NAME_MAX = 200;

    /**
     * An agent as typed, its fields already checked by the request's annotations (StepRequests.Agent);
     * {@code domains} are domain codes, possibly listed twice (the agents step refuses that).
     */
    public record Input(String registrationNumber, String name, PostalAddress address, String email,
                        List<String> domains) {
    }

    /** Trims and reads an agent whose fields were checked. */
    static AgentDetails of(Input input) {
        Set<Domain> domains = EnumSet.noneOf(Domain.class);
        input.domains().forEach(code -> domains.add(Domain.parse(code).orElseThrow()));
        return new AgentDetails(RegistrationNumber.normalise(input.registrationNumber().strip()), input.name().strip(),
                PostalAddresses.read(input.address()), input.email().strip(), domains);
    }
}
