package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.platform.errors.FieldErrors;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5: the agents (zero or more) and the answer to "one agent for all chosen domains?". The request's annotations
 * (StepRequests.Agents) have checked each agent's fields and that there are at most {@link #MAX_AGENTS}; this holds
 * the rules across agents and against the request: a domain has at most one agent (and is listed once); an agent is
 * listed once; an agent is never the employer itself; when one agent serves all chosen domains, exactly one agent is
 * listed.
 */
public record AgentsChoice(boolean oneAgentForAllDomains, List<AgentDetails> agents) {

    /** One agent per domain at most: as many agents as there are domains. */
    public static final int MAX_AGENTS = 4;

    /**
     * Checks the step; {@code registered} holds, index for index, each agent as the employer register names it (null
     * where the register refused it, {@code errors} already saying why); {@code employerNumber} is the employer's
     * registration number when already known. Throws naming every offending field, those of {@code errors} too.
     */
    public static AgentsChoice of(boolean oneAgentForAllDomains, List<AgentDetails.Input> inputs,
                                  List<RegisteredParty> registered, String employerNumber, FieldErrors errors) {
        if (oneAgentForAllDomains && inputs.size() != 1) {
            errors.add("agents", "must list exactly one agent when oneAgentForAllDomains is true");
        }
        Map<Domain, Integer> agentOfDomain = new EnumMap<>(Domain.class);
        Map<String, Integer> agentOfNumber = new HashMap<>();
        List<AgentDetails> agents = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = "agents[" + i + "]";
            AgentDetails agent = AgentDetails.of(inputs.get(i), registered.get(i));
            agents.add(agent);
            if (agent.registrationNumber().equals(employerNumber)) {
                errors.add(prefix + ".registrationNumber", "is the employer's own registration number: "
                        + "the employer is never its own agent");
            }
            Integer sameNumber = agentOfNumber.putIfAbsent(agent.registrationNumber(), i);
            if (sameNumber != null) {
                errors.add(prefix + ".registrationNumber", "is the same agent as agents[" + sameNumber
                        + "]: list an agent once, with all its domains");
            }
            List<String> codes = inputs.get(i).domains();
            for (int d = 0; d < codes.size(); d++) {
                Domain domain = Domain.parse(codes.get(d)).orElseThrow();
                if (codes.subList(0, d).stream().anyMatch(code -> Domain.parse(code).orElseThrow() == domain)) {
                    errors.add(prefix + ".domains[" + d + "]", "is listed twice");
                    continue;
                }
                Integer other = agentOfDomain.putIfAbsent(domain, i);
                if (other != null) {
                    errors.add(prefix + ".domains", "gives " + domain + " to a second agent (agents[" + other
                            + "] already has it): a domain has at most one agent");
                }
            }
        }
        errors.throwIfAny("The agents step");
        return new AgentsChoice(oneAgentForAllDomains, List.copyOf(agents));
    }
}
