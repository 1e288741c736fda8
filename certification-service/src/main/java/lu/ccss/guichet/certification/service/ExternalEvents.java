package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.domain.TimelineEntry;
import lu.ccss.guichet.certification.domain.TimelineKind;
import lu.ccss.guichet.certification.repository.AgentMandateRepository;
import lu.ccss.guichet.certification.repository.CertificationRequestRepository;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MailingEvents;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.platform.inbox.EventHandlers;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the other services report: agent mandates (for the rule that the employer files, never its agent) and the
 * later life of a transmitted request (its timeline). Runs inside the inbox's transaction; other types are ignored.
 */
@ApplicationScoped
public class ExternalEvents {

    private final AgentMandateRepository mandates;
    private final CertificationRequestRepository requests;
    private final Timeline timeline;

    public ExternalEvents(AgentMandateRepository mandates, CertificationRequestRepository requests,
                          Timeline timeline) {
        this.mandates = mandates;
        this.requests = requests;
        this.timeline = timeline;
    }

    public EventHandlers mandateHandlers() {
        return EventHandlers.create()
                .on(EventTypes.CERTIFICATION_GRANTED, this::certificationGranted)
                .on(EventTypes.MANDATE_REVOKED, this::mandateRevoked)
                .on(EventTypes.CODES_ISSUED, this::codesIssued);
    }

    public EventHandlers mailingHandlers() {
        return EventHandlers.create().on(EventTypes.LETTER_POSTED, this::letterPosted);
    }

    void certificationGranted(MandateEvents.CertificationGranted event) {
        if (event.capacity() == Capacity.AGENT) {
            // A grant that arrives after its revocation leaves the revocation in force.
            mandates.getEntityManager().createNativeQuery("insert into agent_mandate (certification_id, space_id, "
                            + "employer, domain, granted_at) values (?1, ?2, ?3, ?4, ?5) "
                            + "on conflict (certification_id) do update set granted_at = excluded.granted_at")
                    .setParameter(1, event.certificationId())
                    .setParameter(2, event.spaceId())
                    .setParameter(3, event.employer())
                    .setParameter(4, event.domain().name())
                    .setParameter(5, event.grantedAt())
                    .executeUpdate();
        }
        onRequest(event.requestId(), TimelineKind.DOMAIN_CERTIFIED, event.grantedAt(), entry -> {
            entry.domain = event.domain();
            entry.capacity = event.capacity();
        });
    }

    void mandateRevoked(MandateEvents.MandateRevoked event) {
        if (event.capacity() == Capacity.AGENT) {
            mandates.getEntityManager().createNativeQuery("insert into agent_mandate (certification_id, space_id, "
                            + "employer, domain, revoked_at) values (?1, ?2, ?3, ?4, ?5) "
                            + "on conflict (certification_id) do update set revoked_at = excluded.revoked_at")
                    .setParameter(1, event.certificationId())
                    .setParameter(2, event.spaceId())
                    .setParameter(3, event.employer())
                    .setParameter(4, event.domain().name())
                    .setParameter(5, event.revokedAt() != null ? event.revokedAt() : Instant.now())
                    .executeUpdate();
        }
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
