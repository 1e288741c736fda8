package lu.ccss.guichet.mandate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.mandate.domain.Mandate;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.repository.MandateRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Answers other government systems: may this space act for this employer in this domain, and how. */
@ApplicationScoped
public class AuthorizationService {

    private final MandateRepository mandates;

    public AuthorizationService(MandateRepository mandates) {
        this.mandates = mandates;
    }

    /** The space's mandate in force for the employer and domain; as holder if it is both. */
    @Transactional
    public Optional<Mandate> mandate(UUID spaceId, String employer, Domain domain) {
        Instant now = Times.now();
        return mandates.activeOf(spaceId, employer, domain, Capacity.HOLDER).filter(m -> m.isInForce(now))
                .or(() -> mandates.activeOf(spaceId, employer, domain, Capacity.AGENT).filter(m -> m.isInForce(now)));
    }
}
