package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.events.Domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5: the agents (zero or more) and the answer to "one agent for all chosen domains?". A domain has at most one
 * agent; an agent is listed once; an agent is never the employer itself; when one agent serves all chosen domains,
 * exactly one agent is listed.
 */
public record AgentsChoice(boolean oneAgentForAllDomains, List<AgentDetails> agents) {

    public static final int MAX_AGENTS = Domain.values().length;

    /** Checks the step; {@code employerNumber} is the employer's registration number when already known. */
    public static AgentsChoice of(Boolean oneAgentForAllDomains, List<AgentDetails.Input> inputs,
                                  String employerNumber) {
        FieldErrors errors = new FieldErrors();
        List<AgentDetails.Input> given = inputs == null ? List.of() : inputs;
        if (oneAgentForAllDomains == null) {
            errors.add("oneAgentForAllDomains", "is required: answer whether one agent serves all chosen domains");
        } else if (oneAgentForAllDomains && given.size() != 1) {
            errors.add("agents", "must list exactly one agent when oneAgentForAllDomains is true");
        }
        if (given.size() > MAX_AGENTS) {
            errors.add("agents", "must list at most " + MAX_AGENTS + " agents: a domain has at most one agent");
            errors.throwIfAny("The agents step");
        }
        List<AgentDetails> agents = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            agents.add(AgentDetails.of(errors, "agents[" + i + "]", given.get(i)));
        }
        checkAcrossAgents(errors, agents, employerNumber);
        errors.throwIfAny("The agents step");
        return new AgentsChoice(oneAgentForAllDomains, List.copyOf(agents));
    }

    private static void checkAcrossAgents(FieldErrors errors, List<AgentDetails> agents, String employerNumber) {
        Map<Domain, Integer> agentOfDomain = new EnumMap<>(Domain.class);
        Map<String, Integer> agentOfNumber = new HashMap<>();
        for (int i = 0; i < agents.size(); i++) {
            AgentDetails agent = agents.get(i);
            if (agent == null) {
                continue;
            }
            String prefix = "agents[" + i + "]";
            if (agent.registrationNumber().equals(employerNumber)) {
                errors.add(prefix + ".registrationNumber", "is the employer's own registration number: "
                        + "the employer is never its own agent");
            }
            Integer sameNumber = agentOfNumber.putIfAbsent(agent.registrationNumber(), i);
            if (sameNumber != null) {
                errors.add(prefix + ".registrationNumber", "is the same agent as agents[" + sameNumber
                        + "]: list an agent once, with all its domains");
            }
            for (Domain domain : agent.domains()) {
                Integer other = agentOfDomain.putIfAbsent(domain, i);
                if (other != null) {
                    errors.add(prefix + ".domains", "gives " + domain + " to a second agent (agents[" + other
                            + "] already has it): a domain has at most one agent");
                }
            }
        }
    }
}
