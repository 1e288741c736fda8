package lu.ccss.guichet.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.client.CodeLetters;
import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Json;
import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.client.PrintProvider;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.Steps;
import lu.ccss.guichet.client.TestDocuments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * One complete flow, as the benchmark drives it: create a space, file a request (every wizard step, no agent),
 * confirm, download, sign, transmit; the operator waits for the letter and batches it, the print provider downloads
 * it (sealed for its key) and the flow reads its codes from it, the operator posts it; the employer certifies the
 * four domains as holder; a domain system reports a first use; eDelivery
 * becomes active; the domain system then sends a document, which should go to the space's inbox (the channel it
 * took is counted). The same client code as the system test.
 *
 * <p>Event hops are measured with the services' own timestamps (one clock: the same machine), not with the
 * polling: transmit (request.transmittedAt) → codes issued (timeline CODES_ISSUED, the mandate-service's issuedAt)
 * → letter rendered (letter.createdAt); letter posted (its POSTED history entry) → codes usable (audit
 * CODES_ACTIVATED); first use (usedAt) → eDelivery active (since).
 */
final class CertificationFlow {

    static final String DOMAIN_USED = "AFFILIATIONS";

    private final RequestForm form;
    private final Guichet employer;
    private final Guichet operator;
    private final Guichet domainSystem;
    private final PrintProvider printProvider;
    private static final byte[] DOCUMENT = TestDocuments.pdf("Contribution statement", "Benchmark document");

    private final Latencies hops;
    private final Map<String, LongAdder> channels;
    private volatile UUID space;

    /** {@code form}'s employer must be in the employer register already ({@code Register}). */
    CertificationFlow(RequestForm form, Guichet employer, Guichet operator, Guichet domainSystem,
                      PrintProvider printProvider, Latencies hops, Map<String, LongAdder> channels) {
        this.form = form;
        this.employer = employer;
        this.operator = operator;
        this.domainSystem = domainSystem;
        this.printProvider = printProvider;
        this.hops = hops;
        this.channels = channels;
    }

    /** Runs the flow; answers how long it took end to end. */
    Duration run() {
        long start = System.nanoTime();
        String employerNumber = form.employer().registrationNumber();

        UUID space = Steps.createSpace(employer, "Benchmark " + employerNumber);
        this.space = space;
        waited("space created → known to certification-service",
                () -> Steps.awaitSpaceKnownToCertification(employer, space));
        UUID request = employer.openRequest(space).expect(201).locationId();
        Steps.fillIn(employer, request, form);
        employer.confirm(request).expect(200);
        employer.requestDocument(request).expect(200);
        employer.sign(request).expect(200);
        Instant transmittedAt = Json.instant(employer.transmit(request).expect(200).json(), "transmittedAt");

        JsonNode letter = Steps.awaitLetters(operator, request, 1).get(0);
        JsonNode withCodes = Steps.awaitRequest(employer, request, "CODES_ISSUED on the timeline",
                r -> Steps.timelineEntry(r, "CODES_ISSUED") != null);
        Instant codesIssuedAt = Json.instant(Steps.timelineEntry(withCodes, "CODES_ISSUED"), "occurredAt");
        hop("transmit → codes issued (mandate-service)", transmittedAt, codesIssuedAt);
        hop("codes issued → letter rendered (mailing-service)", codesIssuedAt, Json.instant(letter, "createdAt"));

        UUID letterId = Steps.id(letter);
        Steps.printBatch(operator, request, List.of(letterId));
        // Operators never see codes: the letter as printed comes from the print provider's download.
        CodeLetters.EmployerLetter codes = CodeLetters.employerLetter(printProvider.printedLetter(letterId));
        if (codes.holderAccessCodes().size() != 4) {
            throw new IllegalStateException("Expected 4 holder access codes in the letter, read "
                    + codes.holderAccessCodes().keySet());
        }
        JsonNode posted = operator.letterPosted(letterId).expect(200).json();
        Instant postedAt = Json.list(posted.get("history")).stream()
                .filter(h -> "POSTED".equals(h.get("status").asText())).map(h -> Json.instant(h, "at"))
                .findFirst().orElseThrow();
        JsonNode activated = Steps.awaitCodesUsable(operator, employerNumber,
                List.of(UUID.fromString(letter.get("codeLetterId").asText()))).get(0);
        hop("letter posted → codes usable (mandate-service)", postedAt, Json.instant(activated, "occurredAt"));

        for (CodeLetters.Domain d : CodeLetters.Domain.values()) {
            employer.certify(space, d.name(), "HOLDER", codes.holderAccessCodes().get(d), form.securityCode())
                    .expect(201);
        }

        JsonNode[] use = new JsonNode[1];
        waited("certified → space-service accepts the use",
                () -> use[0] = Steps.reportDomainUse(domainSystem, space, employerNumber, DOMAIN_USED));
        if (!use[0].get("firstUse").asBoolean()) {
            throw new IllegalStateException("The first use was not reported as first: " + use[0]);
        }
        JsonNode active = Steps.awaitEDeliveryActive(employer, space, employerNumber, DOMAIN_USED);
        hop("first use → eDelivery active (edelivery-service)", Json.instant(use[0], "usedAt"),
                Json.instant(active, "since"));

        // The domain system's next document, sent as soon as the space shows eDelivery active.
        JsonNode sent = domainSystem.sendDocument(UUID.randomUUID(), space, employerNumber, DOMAIN_USED,
                "Contribution statement", DOCUMENT).expect(202).json();
        channels.computeIfAbsent(sent.get("channel").asText(), c -> new LongAdder()).increment();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The flow's space (null before {@link #run}): certified in the four domains, eDelivery active for {@link #DOMAIN_USED}. */
    UUID space() {
        return space;
    }

    private void hop(String name, Instant from, Instant to) {
        if (from != null && to != null) {
            hops.record(name, Duration.between(from, to));
        }
    }

    /** A wait measured from the client (it includes up to one polling pause). */
    private void waited(String name, Runnable wait) {
        long start = System.nanoTime();
        wait.run();
        hops.recordNanos("(client-observed) " + name, System.nanoTime() - start);
    }
}
