package lu.ccss.guichet.client;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.client.Poll.Attempt;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Steps of the procedures that more than one call makes, and the waits for what travels by events between the
 * services. Each wait asks the API a person (or the operator, or a domain system) would ask, until the answer
 * shows that the event arrived.
 */
public final class Steps {

    /** How long any one event hop may take before a flow fails. */
    public static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);

    private Steps() {
    }

    /** Creates a space; answers its id. */
    public static UUID createSpace(Guichet person, String name) {
        return person.createSpace(name, "Created by the system test").expect(201).locationId();
    }

    /**
     * The certification-service learns a new space's members from SpaceCreated; until then it does not know the
     * caller belongs to the space (404).
     */
    public static void awaitSpaceKnownToCertification(Guichet person, UUID spaceId) {
        Poll.until("the certification-service to know space " + spaceId, EVENT_TIMEOUT, () -> {
            Response r = person.requestsOfSpace(spaceId);
            return r.status() == 200 ? Attempt.done(r) : Attempt.notYet(r);
        });
    }

    /** Saves the six steps of the wizard in order; answers the request after the last one. */
    public static JsonNode fillIn(Guichet person, UUID requestId, RequestForm form) {
        return fillIn(person, requestId, form, form.employerStep());
    }

    /** {@link #fillIn(Guichet, UUID, RequestForm)} with the employer step's body as given. */
    public static JsonNode fillIn(Guichet person, UUID requestId, RequestForm form, Map<String, Object> employerStep) {
        person.saveStep(requestId, "information", Map.of("acknowledged", true)).expect(200);
        person.saveStep(requestId, "warning", Map.of("acknowledged", true)).expect(200);
        person.saveStep(requestId, "filer", form.filerStep()).expect(200);
        saveOnceRegistered(person, requestId, "employer", employerStep);
        saveOnceRegistered(person, requestId, "agents", form.agentsStep());
        return person.saveStep(requestId, "security-code", form.securityCodeStep()).expect(200).json();
    }

    /**
     * Saves a step that names registration numbers, once the certification-service's copy of the employer register
     * holds them (a 400 that says the register does not know a number yet is retried; any other answer is final).
     */
    private static void saveOnceRegistered(Guichet person, UUID requestId, String step, Map<String, Object> body) {
        Poll.until("the certification-service to know the register entries of step " + step, EVENT_TIMEOUT, () -> {
            Response r = person.saveStep(requestId, step, body);
            if (r.status() == 400 && r.text().contains("not in the CCSS employer register")) {
                return Attempt.notYet(r);
            }
            return Attempt.done(r.expect(200));
        });
    }

    /** The operator's list of a request's letters, once it holds {@code count} of them. */
    public static List<JsonNode> awaitLetters(Guichet operator, UUID requestId, int count) {
        return Poll.until(count + " letter(s) of request " + requestId, EVENT_TIMEOUT, () -> {
            Response r = operator.lettersOfRequest(requestId).expect(200);
            List<JsonNode> letters = Json.list(r.json());
            return letters.size() >= count ? Attempt.done(letters) : Attempt.notYet(r);
        });
    }

    /** The request as its filer sees it, once it {@code matches} (e.g. its timeline shows what was awaited). */
    public static JsonNode awaitRequest(Guichet person, UUID requestId, String what, Predicate<JsonNode> matches) {
        return Poll.until(what + " (request " + requestId + ")", EVENT_TIMEOUT, () -> {
            Response r = person.request(requestId).expect(200);
            return matches.test(r.json()) ? Attempt.done(r.json()) : Attempt.notYet(r);
        });
    }

    /** The timeline entry {@code kind} of a request, or null. */
    public static JsonNode timelineEntry(JsonNode request, String kind) {
        return Json.filter(request.get("timeline"), e -> kind.equals(e.get("kind").asText())).stream().findFirst()
                .orElse(null);
    }

    /**
     * Puts the letters into a print batch. Every waiting letter goes into the batch, so under concurrency another
     * operator's batch may already have taken them (409, nothing waiting): either way they end up BATCHED.
     */
    public static void printBatch(Guichet operator, UUID requestId, Collection<UUID> letterIds) {
        operator.createPrintBatch().expect(201, 409);
        Poll.until("letters " + letterIds + " to be in a print batch", EVENT_TIMEOUT, () -> {
            Response r = operator.lettersOfRequest(requestId).expect(200);
            boolean batched = Json.list(r.json()).stream()
                    .filter(l -> letterIds.contains(UUID.fromString(l.get("id").asText())))
                    .allMatch(l -> "BATCHED".equals(l.get("status").asText()));
            if (batched) {
                return Attempt.done(r);
            }
            // A letter generated after someone else's batch was gathered: gather again.
            operator.createPrintBatch().expect(201, 409);
            return Attempt.notYet(r);
        });
    }

    /**
     * The mandate-service makes a letter's codes usable when it hears LetterPosted; the operator sees that in the
     * audit trail (CODES_ACTIVATED naming the code letter). Answers the audit entries.
     */
    public static List<JsonNode> awaitCodesUsable(Guichet operator, String employer, Collection<UUID> codeLetterIds) {
        return Poll.until("codes of letters " + codeLetterIds + " to become usable", EVENT_TIMEOUT, () -> {
            Response r = operator.audit(employer).expect(200);
            List<JsonNode> activated = Json.filter(r.json(), e -> "CODES_ACTIVATED".equals(e.get("action").asText()));
            boolean all = codeLetterIds.stream().allMatch(id -> activated.stream()
                    .anyMatch(e -> e.get("detail").asText().contains(id.toString())));
            return all ? Attempt.done(activated) : Attempt.notYet(r);
        });
    }

    /**
     * A domain system reports a use of a domain. The space-service learns certifications from CertificationGranted;
     * until it has, it answers that the space is not certified (403). Answers the recorded use.
     */
    public static JsonNode reportDomainUse(Guichet domainSystem, UUID spaceId, String employer, String domain) {
        return Poll.until("the space-service to accept a use of " + domain + " by space " + spaceId, EVENT_TIMEOUT,
                () -> {
                    Response r = domainSystem.reportDomainUse(spaceId, employer, domain, "CONSULTATION");
                    if (r.status() == 403) {
                        return Attempt.notYet(r);
                    }
                    return Attempt.done(r.expect(200).json());
                });
    }

    /** The eDelivery status line of an employer and domain, once it is active. */
    public static JsonNode awaitEDeliveryActive(Guichet person, UUID spaceId, String employer, String domain) {
        return Poll.until("eDelivery of " + domain + " for employer " + employer + " in space " + spaceId,
                EVENT_TIMEOUT, () -> {
                    Response r = person.edelivery(spaceId).expect(200);
                    return Json.filter(r.json(), s -> employer.equals(s.get("employer").asText())
                                    && domain.equals(s.get("domain").asText()) && s.get("active").asBoolean())
                            .stream().findFirst().map(Attempt::done).orElseGet(() -> Attempt.notYet(r));
                });
    }

    public static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }
}
