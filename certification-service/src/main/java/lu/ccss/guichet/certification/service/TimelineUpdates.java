package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.domain.TimelineEntry;
import lu.ccss.guichet.certification.domain.TimelineKind;
import lu.ccss.guichet.certification.repository.CertificationRequestRepository;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MailingEvents;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.platform.inbound.EventHandlers;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The later life of a transmitted request, as the other services report it: codes issued, domains certified, letters
 * posted. Runs inside the consumer's transaction; events about another service's requests change nothing.
 */
@ApplicationScoped
public class TimelineUpdates {

    private final CertificationRequestRepository requests;
    private final Timeline timeline;

    public TimelineUpdates(CertificationRequestRepository requests, Timeline timeline) {
        this.requests = requests;
        this.timeline = timeline;
    }

    public EventHandlers mandateHandlers() {
        return EventHandlers.create()
                .on(EventTypes.CERTIFICATION_GRANTED, this::certificationGranted)
                .on(EventTypes.CODES_ISSUED, this::codesIssued);
    }

    public EventHandlers mailingHandlers() {
        return EventHandlers.create().on(EventTypes.LETTER_POSTED, this::letterPosted);
    }

    void certificationGranted(MandateEvents.CertificationGranted event) {
        onRequest(event.requestId(), TimelineKind.DOMAIN_CERTIFIED, event.grantedAt(), entry -> {
            entry.domain = event.domain();
            entry.capacity = event.capacity();
        });
    }

    void codesIssued(MandateEvents.CodesIssued event) {
        int letters = event.letters() == null ? 0 : event.letters().size();
        onRequest(event.requestId(), TimelineKind.CODES_ISSUED, event.issuedAt(),
                entry -> entry.detail = letters + (letters == 1 ? " letter" : " letters"));
    }

    void letterPosted(MailingEvents.LetterPosted event) {
        onRequest(event.requestId(), TimelineKind.LETTER_POSTED, event.postedAt(),
                entry -> entry.detail = event.kind() == null ? null : event.kind().name());
    }

    /** Adds a timeline line when the event is about one of this service's requests. */
    private void onRequest(UUID requestId, TimelineKind kind, Instant at,
                           Consumer<TimelineEntry> details) {
        if (requestId == null || requests.findByIdOptional(requestId).isEmpty()) {
            return;
        }
        TimelineEntry entry = timeline.record(requestId, kind, at != null ? at : Instant.now(), null);
        details.accept(entry);
    }
}
