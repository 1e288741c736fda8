package lu.ccss.guichet.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.client.CodeLetters;
import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Json;
import lu.ccss.guichet.client.Poll;
import lu.ccss.guichet.client.Poll.Attempt;
import lu.ccss.guichet.client.PrintProvider;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.Response;
import lu.ccss.guichet.client.Steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One complete flow of the chaos test, from procedure A to eDelivery, with an agent: the employer creates a space and
 * files a request naming one agent for two domains; the operator batches both letters, the print provider prints
 * them, the operator posts them; the employer certifies the four domains as holder and the agent its two in its own
 * space; a domain system reports a first use and eDelivery becomes active. Every call goes through a client that
 * retries connection errors and 5xx with its idempotency key, so what the flow is told is what a patient front end
 * would be told. Answers what it was told succeeded, for the invariants to check.
 */
public final class ChaosFlow {

    public static final Duration WAIT = Duration.ofSeconds(150);
    public static final String USED_DOMAIN = "AFFILIATIONS";

    public record Outcome(RequestForm form, UUID employerSpace, UUID agentSpace, UUID request, List<UUID> mandates) {
    }

    private final RequestForm form;
    private final Guichet employer;
    private final Guichet agent;
    private final Guichet operator;
    private final Guichet domainSystem;
    private final PrintProvider printer;

    public ChaosFlow(RequestForm form, Guichet employer, Guichet agent, Guichet operator, Guichet domainSystem,
              PrintProvider printer) {
        this.form = form;
        this.employer = employer;
        this.agent = agent;
        this.operator = operator;
        this.domainSystem = domainSystem;
        this.printer = printer;
    }

    /** A request naming one agent for two domains, with a new employer and agent. */
    public static RequestForm formWithOneAgent() {
        RequestForm.Agent agent = new RequestForm.Agent(RequestForm.newRegistrationNumber(), "Chaos Fiduciaire",
                new RequestForm.Address("Rue du Fort", "3", "L-1234", "Luxembourg", "LU"), "agent@chaos.test",
                List.of("AFFILIATIONS", "REMUNERATIONS"));
        return new RequestForm(RequestForm.defaultFiler(), RequestForm.newEmployer(), List.of(agent),
                RequestForm.newSecurityCode());
    }

    public Outcome run() {
        String employerNumber = form.employer().registrationNumber();
        UUID space = employer.createSpace("Chaos " + employerNumber, "chaos").expect(201).locationId();
        UUID request = awaitOk("the certification-service to know space " + space,
                () -> employer.openRequest(space), 201).locationId();
        Steps.fillIn(employer, request, form);
        settle(employer.confirm(request), request, "CONFIRMED");
        employer.requestDocument(request).expect(200);
        settle(employer.sign(request), request, "SIGNED");
        settle(employer.transmit(request), request, "TRANSMITTED");

        List<JsonNode> letters = Poll.until("2 letters of request " + request, WAIT, () -> {
            Response r = operator.lettersOfRequest(request).expect(200);
            return r.json().size() >= 2 ? Attempt.done(Json.list(r.json())) : Attempt.notYet(r);
        });
        Steps.printBatch(operator, request, letters.stream().map(Steps::id).toList());
        JsonNode toEmployer = letters.stream().filter(l -> "CODES_EMPLOYER".equals(l.get("kind").asText()))
                .findFirst().orElseThrow();
        JsonNode toAgent = letters.stream().filter(l -> "CODES_AGENT".equals(l.get("kind").asText()))
                .findFirst().orElseThrow();
        CodeLetters.EmployerLetter employerLetter = CodeLetters.employerLetter(printer.printedLetter(Steps.id(toEmployer)));
        CodeLetters.AgentLetter agentLetter = CodeLetters.agentLetter(printer.printedLetter(Steps.id(toAgent)));
        letters.forEach(l -> operator.letterPosted(Steps.id(l)).expect(200, 409));

        List<UUID> mandates = new ArrayList<>();
        for (CodeLetters.Domain d : CodeLetters.Domain.values()) {
            mandates.add(awaitOk("the holder's code for " + d + " to be usable", () -> employer.certify(space,
                    d.name(), "HOLDER", employerLetter.holderAccessCodes().get(d), form.securityCode()), 201)
                    .locationId());
        }
        UUID agentSpace = agent.createSpace("Chaos agent " + employerNumber, "chaos").expect(201).locationId();
        String agentNumber = form.agents().get(0).registrationNumber();
        for (String domain : form.agents().get(0).domains()) {
            mandates.add(awaitOk("the agent's code for " + domain + " to be usable", () -> agent.certify(agentSpace,
                    domain, "AGENT", agentLetter.agentAccessCodes().get(CodeLetters.Domain.valueOf(domain)),
                    employerLetter.agentSecurityCodes().get(agentNumber)), 201).locationId());
        }
        Steps.reportDomainUse(domainSystem, space, employerNumber, USED_DOMAIN);
        Steps.awaitEDeliveryActive(employer, space, employerNumber, USED_DOMAIN);
        return new Outcome(form, space, agentSpace, request, mandates);
    }

    /**
     * A state change answered 409 after a retry may have been applied by the try whose answer was lost: the request's
     * state says whether it was.
     */
    private void settle(Response answer, UUID request, String state) {
        if (answer.status() == 200) {
            return;
        }
        JsonNode now = employer.request(request).expect(200).json();
        if (answer.status() != 409 || !reachedAtLeast(now.get("state").asText(), state)) {
            throw new Response.UnexpectedResponse(answer, "expected the request " + state + ", it is "
                    + now.get("state").asText());
        }
    }

    private static boolean reachedAtLeast(String actual, String wanted) {
        List<String> order = List.of("DRAFT", "CONFIRMED", "SIGNED", "TRANSMITTED");
        return order.indexOf(actual) >= order.indexOf(wanted);
    }

    /**
     * Calls until the answer is {@code status}: before an event has reached the service that answers, a call is
     * refused (404 unknown space, 409 codes not yet usable, 403 not yet a member there); those are tried again.
     */
    private static Response awaitOk(String what, java.util.function.Supplier<Response> call, int status) {
        return Poll.until(what, WAIT, () -> {
            Response r = call.get();
            if (r.status() == status) {
                return Attempt.done(r);
            }
            if (r.status() == 404 || r.status() == 409 || r.status() == 403) {
                return Attempt.notYet(r);
            }
            throw new Response.UnexpectedResponse(r, what);
        });
    }
}
