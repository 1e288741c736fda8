package lu.ccss.guichet.mandate.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.repository.AuthorizationRepository;
import lu.ccss.guichet.mandate.repository.AuthorizationRepository.Authorization;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers other government systems: may this space act for this employer in this domain, and how. Every domain
 * system asks on every use, so this is the platform's hot path: one indexed query on the event loop, no entity, no
 * transaction (a single read sees one committed state on its own; a mandate ended by a committed transaction is no
 * longer answered from the next request on, on every replica: nothing is remembered between requests).
 */
@ApplicationScoped
public class AuthorizationService {

    private final AuthorizationRepository authorizations;

    public AuthorizationService(AuthorizationRepository authorizations) {
        this.authorizations = authorizations;
    }

    /** The space's mandate in force for the employer and domain; as holder if it is both. */
    public Uni<Optional<Authorization>> mandate(UUID spaceId, String employer, Domain domain) {
        return authorizations.active(spaceId, employer, domain).map(found -> {
            Instant now = Times.now();
            return found.stream()
                    .filter(m -> m.expiresAt() == null || now.isBefore(m.expiresAt()))
                    .min(Comparator.comparing(m -> m.capacity() == Capacity.HOLDER ? 0 : 1));
        });
    }
}
