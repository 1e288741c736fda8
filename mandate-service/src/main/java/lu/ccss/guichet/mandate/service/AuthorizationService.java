package lu.ccss.guichet.mandate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.repository.MandateRepository;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers other government systems: may this space act for this employer in this domain, and how. Every domain
 * system asks on every use, so this is the platform's hot path: one indexed query, no entity loaded, no JTA
 * transaction (a single read sees one committed state on its own; a mandate ended by a committed transaction is no
 * longer answered from the next request on).
 */
@ApplicationScoped
public class AuthorizationService {

    private final MandateRepository mandates;

    public AuthorizationService(MandateRepository mandates) {
        this.mandates = mandates;
    }

    /** The space's mandate in force for the employer and domain; as holder if it is both. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MandateRepository.Authorization> mandate(UUID spaceId, String employer, Domain domain) {
        Instant now = Times.now();
        return mandates.activeAuthorizations(spaceId, employer, domain).stream()
                .filter(m -> m.expiresAt() == null || now.isBefore(m.expiresAt()))
                .min(Comparator.comparing(m -> m.capacity() == Capacity.HOLDER ? 0 : 1));
    }
}
