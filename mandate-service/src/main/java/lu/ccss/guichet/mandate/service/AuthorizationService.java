package lu.ccss.guichet.mandate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.mandate.domain.Certification;
import lu.ccss.guichet.mandate.repository.CertificationRepository;

import java.util.Optional;
import java.util.UUID;

/** Answers other government systems: may this space act for this employer in this domain, and how. */
@ApplicationScoped
public class AuthorizationService {

    private final CertificationRepository certifications;

    public AuthorizationService(CertificationRepository certifications) {
        this.certifications = certifications;
    }

    /** The space's active mandate for the employer and domain; as holder if it is both. */
    @Transactional
    public Optional<Certification> mandate(UUID spaceId, String employer, Domain domain) {
        return certifications.activeOf(spaceId, employer, domain, Capacity.HOLDER)
                .or(() -> certifications.activeOf(spaceId, employer, domain, Capacity.AGENT));
    }
}
