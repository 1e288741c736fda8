package lu.ccss.guichet.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.client.CodeLetters;
import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.HopTiming;
import lu.ccss.guichet.client.Poll;
import lu.ccss.guichet.client.Poll.Attempt;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.Steps;
import lu.ccss.guichet.client.TraceReceiver;
import lu.ccss.guichet.client.TraceReceiver.Link;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.client.TraceReceiver.ReceivedSpan;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One certification, followed in the spans the services exported (docs/operations.md, "Traces"): transmit
 * (certification-service) → codes issued (mandate-service) → letter rendered (mailing-service) is one trace, each
 * hop the child of the one before across Kafka; the operator's posting is a trace of its own that links to the
 * letter's and goes on to codes usable (mandate-service).
 */
@ExtendWith(SharedPlatform.Use.class)
@Order(6)
class TraceChainIT {

    private static final String REQUEST_TRANSMITTED = EventTypes.REQUEST_TRANSMITTED.type();
    private static final String CODES_ISSUED = EventTypes.CODES_ISSUED.type();
    private static final String LETTER_POSTED = EventTypes.LETTER_POSTED.type();
    private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void oneCertificationIsOneTraceFromTransmitToLetterAndThePostingLinksToIt() {
        SharedPlatform shared = SharedPlatform.current();
        TraceReceiver traces = shared.traces();
        Guichet employer = shared.user("employer");
        Guichet operator = shared.user("operator");
        RequestForm form = RequestForm.withoutAgents();
        shared.register().register(form);

        UUID space = Steps.createSpace(employer, "Traced employer");
        Steps.awaitSpaceKnownToCertification(employer, space);
        UUID request = employer.openRequest(space).expect(201).locationId();
        Steps.fillIn(employer, request, form);
        employer.confirm(request).expect(200);
        employer.requestDocument(request).expect(200);
        employer.sign(request).expect(200);
        employer.transmit(request).expect(200);
        JsonNode letter = Steps.awaitLetters(operator, request, 1).get(0);
        UUID letterId = Steps.id(letter);
        Steps.printBatch(operator, request, List.of(letterId));
        CodeLetters.EmployerLetter codes = CodeLetters.employerLetter(shared.printProvider().printedLetter(letterId));
        operator.letterPosted(letterId).expect(200);
        Steps.awaitCodesUsable(operator, form.employer().registrationNumber(),
                List.of(UUID.fromString(letter.get("codeLetterId").asText())));
        CodeLetters.Domain domain = CodeLetters.Domain.values()[0];
        employer.certify(space, domain.name(), "HOLDER", codes.holderAccessCodes().get(domain), form.securityCode())
                .expect(201);

        // transmit → codes issued → letter rendered: one trace, from the employer's request down.
        ReceivedSpan transmit = awaitServerSpan(traces, "certification-service", request + "/transmit");
        List<ReceivedSpan> certification = awaitInTrace(traces, transmit.traceId(), "mailing-service", CODES_ISSUED);
        assertEquals("", transmit.parentSpanId(), "the employer's request starts the trace");
        ReceivedSpan codesIssued = handling(certification, "mandate-service", REQUEST_TRANSMITTED);
        ReceivedSpan letterRendered = handling(certification, "mailing-service", CODES_ISSUED);
        assertHop(certification, transmit, "certification-service", codesIssued);
        assertHop(certification, codesIssued, "mandate-service", letterRendered);
        printHop("transmit → codes issued", certification, transmit, codesIssued);
        printHop("codes issued → letter rendered", certification, codesIssued, letterRendered);

        // posted → codes usable: the operator's request, a new trace, linked to the one that rendered the letter.
        ReceivedSpan posting = awaitServerSpan(traces, "mailing-service", letterId + "/posted");
        List<ReceivedSpan> posted = awaitInTrace(traces, posting.traceId(), "mandate-service", LETTER_POSTED);
        assertNotEquals(transmit.traceId(), posting.traceId(), "the posting is the operator's own request");
        assertEquals(List.of(new Link(transmit.traceId(), letterRendered.spanId())), posting.links(),
                "the posting links to the span that rendered the letter");
        ReceivedSpan codesUsable = handling(posted, "mandate-service", LETTER_POSTED);
        assertHop(posted, posting, "mailing-service", codesUsable);
        printHop("letter posted → codes usable", posted, posting, codesUsable);

        // The operator asked for the audit by registration number (?employer=): no span the services exported keeps
        // it (for a natural person it is the national number).
        String number = form.employer().registrationNumber();
        assertEquals(List.of(), traces.spans().stream()
                .filter(s -> s.attributes().values().stream().anyMatch(v -> v.contains(number))).toList(),
                "spans holding the registration number");
    }

    /** The server span of the request to a path ending with {@code pathEnd}, once exported. */
    private static ReceivedSpan awaitServerSpan(TraceReceiver traces, String service, String pathEnd) {
        return Poll.until(service + "'s span of " + pathEnd, EXPORT_TIMEOUT, () -> traces.spans().stream()
                .filter(s -> service.equals(s.service()) && "SERVER".equals(s.kind())
                        && String.valueOf(s.attribute("url.path")).endsWith(pathEnd))
                .findFirst().map(Attempt::done).orElseGet(() -> Attempt.notYet("no such span")));
    }

    /**
     * The spans of a trace, once {@code service}'s handling of {@code eventType} is among them with the span it
     * continues: each service exports its spans on its own schedule, and the publish span ends only when the broker's
     * acknowledgement is back at the relay, so the consumer's span may arrive first.
     */
    private static List<ReceivedSpan> awaitInTrace(TraceReceiver traces, String traceId, String service,
                                                   String eventType) {
        return Poll.until(service + " handling " + eventType + " in trace " + traceId, EXPORT_TIMEOUT, () -> {
            List<ReceivedSpan> trace = traces.trace(traceId);
            return trace.stream().anyMatch(s -> isHandling(s, service, eventType)
                    && trace.stream().anyMatch(parent -> parent.spanId().equals(s.parentSpanId())))
                    ? Attempt.done(trace) : Attempt.notYet(trace);
        });
    }

    private static ReceivedSpan handling(List<ReceivedSpan> trace, String service, String eventType) {
        List<ReceivedSpan> found = trace.stream().filter(s -> isHandling(s, service, eventType)).toList();
        assertEquals(1, found.size(), service + " handling " + eventType + " in " + trace);
        return found.get(0);
    }

    private static boolean isHandling(ReceivedSpan span, String service, String eventType) {
        return service.equals(span.service()) && "CONSUMER".equals(span.kind())
                && eventType.equals(span.attribute("cloudevents.event_type"));
    }

    /** Where the hop's time went ({@link HopTiming}): printed, not asserted (a timing, on a shared machine). */
    private static void printHop(String name, List<ReceivedSpan> trace, ReceivedSpan from, ReceivedSpan consumer) {
        ReceivedSpan publish = trace.stream().filter(s -> s.spanId().equals(consumer.parentSpanId())).findFirst()
                .orElseThrow();
        SharedPlatform.log("hop " + name + ", " + HopTiming.of(from, publish, consumer));
    }

    /**
     * {@code consumer} is the child of {@code from}'s publish span of the same event, and that publish span descends
     * from {@code from} within {@code from}'s service: no link of the chain is missing.
     */
    private static void assertHop(List<ReceivedSpan> trace, ReceivedSpan from, String fromService,
                                  ReceivedSpan consumer) {
        Map<String, ReceivedSpan> byId = trace.stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
        ReceivedSpan publish = byId.get(consumer.parentSpanId());
        assertTrue(publish != null && "PRODUCER".equals(publish.kind()) && fromService.equals(publish.service())
                && consumer.attribute("cloudevents.event_type").equals(publish.attribute("cloudevents.event_type")),
                consumer + " continues " + fromService + "'s publish span, not " + publish);
        List<ReceivedSpan> up = new ArrayList<>();
        for (ReceivedSpan s = publish; s != null && !s.equals(from); s = byId.get(s.parentSpanId())) {
            up.add(s);
        }
        ReceivedSpan top = up.get(up.size() - 1);
        assertEquals(from.spanId(), top.parentSpanId(), "the path from " + publish + " up: " + up);
        assertTrue(up.stream().allMatch(s -> fromService.equals(s.service())), "within " + fromService + ": " + up);
    }
}
