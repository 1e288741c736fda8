package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.PostalAddress;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** An agent (mandataire) the employer chose, and the domains it may act in (at least one). */
public record AgentDetails(String registrationNumber, String name, PostalAddress address, String email,
                           Set<Domain> domains) {

    public static final int NAME_MAX = 200;

    /** An agent as typed; {@code domains} are domain codes, {@code address} null when absent. */
    public record Input(String registrationNumber, String name, PostalAddress address, String email,
                        List<String> domains) {
    }

    /** The checked agent, or null after recording what is wrong under {@code prefix} (e.g. {@code agents[0]}). */
    static AgentDetails of(FieldErrors errors, String prefix, Input input) {
        if (input == null) {
            errors.add(prefix, "is required");
            return null;
        }
        int before = errors.size();
        String number = errors.registrationNumber(prefix + ".registrationNumber", input.registrationNumber());
        String name = errors.text(prefix + ".name", input.name(), NAME_MAX);
        PostalAddress raw = input.address();
        PostalAddress address = raw == null ? EmployerDetails.missing(errors, prefix + ".address")
                : AddressRules.address(errors, prefix + ".address", raw.street(), raw.number(), raw.postcode(),
                raw.locality(), raw.country());
        String email = ContactRules.email(errors, prefix + ".email", input.email());
        Set<Domain> domains = domains(errors, prefix + ".domains", input.domains());
        return errors.size() > before ? null : new AgentDetails(number, name, address, email, domains);
    }

    private static Set<Domain> domains(FieldErrors errors, String field, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            errors.add(field, "must name at least one domain among " + Domain.NAMES);
            return null;
        }
        Set<Domain> domains = EnumSet.noneOf(Domain.class);
        for (int i = 0; i < codes.size(); i++) {
            Domain domain = Domain.parse(codes.get(i)).orElse(null);
            if (domain == null) {
                errors.add(field + "[" + i + "]", "must be one of " + Domain.NAMES);
            } else if (!domains.add(domain)) {
                errors.add(field + "[" + i + "]", "is listed twice");
            }
        }
        return domains;
    }

}
