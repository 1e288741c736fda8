package lu.ccss.guichet.space.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.inbox.EventHandlers;
import lu.ccss.guichet.space.repository.CertificationRepository;

/** Keeps this service's copy of the certifications up to date from the mandate-service's events. */
@ApplicationScoped
public class CertificationProjection {

    private final CertificationRepository certifications;

    public CertificationProjection(CertificationRepository certifications) {
        this.certifications = certifications;
    }

    public EventHandlers handlers() {
        return EventHandlers.create()
                .on(EventTypes.CERTIFICATION_GRANTED, certifications::granted)
                .on(EventTypes.MANDATE_REVOKED, certifications::revoked);
    }
}
