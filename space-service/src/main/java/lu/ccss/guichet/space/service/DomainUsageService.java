package lu.ccss.guichet.space.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.SpaceEvents;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.mandates.MandateProjection;
import lu.ccss.guichet.platform.outbox.Outbox;
import lu.ccss.guichet.space.domain.DomainUse;
import lu.ccss.guichet.space.repository.DomainUsageRepository;
import lu.ccss.guichet.space.repository.SpaceRepository;

import java.time.Instant;
import java.util.UUID;

/**
 * Domain systems report each use of a domain by a certified space; the first use per space, employer and domain
 * publishes {@code DomainFirstUsed}, which switches eDelivery on.
 */
@ApplicationScoped
public class DomainUsageService {

    private final SpaceRepository spaces;
    private final MandateProjection certifications;
    private final DomainUsageRepository usages;
    private final Outbox outbox;

    public DomainUsageService(SpaceRepository spaces, MandateProjection certifications,
                              DomainUsageRepository usages, Outbox outbox) {
        this.spaces = spaces;
        this.certifications = certifications;
        this.usages = usages;
        this.outbox = outbox;
    }

    /** The outcome of a reported use. */
    public record RecordedUse(UUID spaceId, DomainUse use, Instant usedAt, boolean firstUse) {
    }

    @Transactional
    public RecordedUse record(UUID spaceId, DomainUse use) {
        if (spaces.findById(spaceId) == null) {
            throw DomainException.notFound("No space " + spaceId);
        }
        if (!certifications.isCertified(spaceId, use.employer(), use.domain())) {
            throw DomainException.notAllowed("Space " + spaceId + " is not certified for employer " + use.employer()
                    + " in domain " + use.domain() + ", neither as holder nor as agent (procedure C)");
        }
        Instant now = Instant.now();
        boolean first = usages.record(spaceId, use, now);
        if (first) {
            outbox.record(EventTypes.DOMAIN_FIRST_USED, SpaceService.AGGREGATE, spaceId,
                    new SpaceEvents.DomainFirstUsed(spaceId, use.employer(), use.domain(), use.usageKind().name(), now));
        }
        return new RecordedUse(spaceId, use, now, first);
    }
}
