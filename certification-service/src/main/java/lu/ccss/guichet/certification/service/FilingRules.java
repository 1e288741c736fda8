package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import lu.ccss.guichet.certification.config.CertificationConfig;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.RequestState;
import lu.ccss.guichet.certification.repository.CertificationRequestRepository;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.mandates.MandateProjection;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Who may file for which employer: the employer itself, never its agent, and one open request at a time. */
@ApplicationScoped
public class FilingRules {

    static final String ONE_OPEN_REQUEST_INDEX = "certification_request_one_open_per_employer";

    private final MandateProjection mandates;
    private final CertificationRequestRepository requests;
    private final int maxOpenRequestsPerSpace;
    private final int maxSecurityCodesPerHour;

    public FilingRules(MandateProjection mandates, CertificationRequestRepository requests,
                       CertificationConfig config) {
        this.mandates = mandates;
        this.requests = requests;
        this.maxOpenRequestsPerSpace = config.maxOpenRequestsPerSpace();
        this.maxSecurityCodesPerHour = config.maxSecurityCodesPerHour();
    }

    /** 409 when the space already has the most open requests allowed (serialised per space). */
    public void requireRoomForAnotherOpenRequest(UUID spaceId) {
        requests.lock("open-requests:" + spaceId);
        long open = requests.count("spaceId = ?1 and state in ?2", spaceId, RequestState.OPEN);
        if (open >= maxOpenRequestsPerSpace) {
            throw DomainException.conflict("This professional space already has " + open + " open certification "
                    + "requests, the most allowed: continue or cancel one before opening another");
        }
    }

    /**
     * Counts a security code about to be hashed; 429 when the person saved {@code maxSecurityCodesPerHour} within
     * the last hour: each costs an Argon2id computation, which must not be a lever on the service's CPU.
     */
    public void countSecurityCodeHashing(String userId, Instant now) {
        requests.lock("security-codes:" + userId);
        Instant hourAgo = now.minus(Duration.ofHours(1));
        List<?> recent = requests.getEntityManager().createNativeQuery("select saved_at from security_code_hashing "
                        + "where user_id = ?1 and saved_at > ?2 order by saved_at")
                .setParameter(1, userId)
                .setParameter(2, hourAgo)
                .getResultList();
        if (recent.size() >= maxSecurityCodesPerHour) {
            Instant oldest = toInstant(recent.get(0));
            throw DomainException.tooManyAttempts("You saved " + recent.size() + " security codes within an hour, "
                    + "the most allowed; try again later", Duration.between(hourAgo, oldest).plusSeconds(1));
        }
        requests.getEntityManager().createNativeQuery("insert into security_code_hashing (user_id, saved_at) "
                        + "values (?1, ?2)")
                .setParameter(1, userId)
                .setParameter(2, now)
                .executeUpdate();
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant i ? i : ((java.time.OffsetDateTime) value).toInstant();
    }

    /** 403 when the space acts as the employer's agent: the employer files its request from its own space. */
    public void refuseAgentFiling(UUID spaceId, String employer) {
        List<Domain> held = mandates.agentDomains(spaceId, employer);
        if (!held.isEmpty()) {
            throw DomainException.notAllowed("This professional space acts as agent (mandataire) of employer "
                    + employer + " for " + held.stream().map(Domain::name)
                    .collect(Collectors.joining(", "))
                    + ". A certification request is filed by the employer itself, never by its agent: ask the "
                    + "employer to file it from the employer's own professional space. The employer's letter will "
                    + "carry the agent security code to hand over to you.");
        }
    }

    /** 409 when another open request of the space is for the same employer. */
    public void requireNoOtherOpenRequest(CertificationRequest request, String employer) {
        requests.getEntityManager().createQuery("select r.reference from CertificationRequest r where r.spaceId = ?1 "
                        + "and r.employer = ?2 and r.state in ?3 and r.id <> ?4", String.class)
                .setParameter(1, request.spaceId)
                .setParameter(2, employer)
                .setParameter(3, RequestState.OPEN)
                .setParameter(4, request.id)
                .getResultStream().findFirst()
                .ifPresent(reference -> {
                    throw oneOpenRequest(employer, " (" + reference + ")");
                });
    }

    /**
     * Writes the change now, so that the partial unique index settles a race between two filers that both passed
     * {@link #requireNoOtherOpenRequest}: the loser gets the same 409.
     */
    public void flushUnderOneOpenRequestRule(String employer) {
        try {
            requests.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                        && violation.getConstraintName().contains(ONE_OPEN_REQUEST_INDEX)) {
                    throw oneOpenRequest(employer, "");
                }
            }
            throw e;
        }
    }

    private static DomainException oneOpenRequest(String employer, String which) {
        return DomainException.conflict("This professional space already has an open certification request"
                + which + " for employer " + employer
                + ": continue that one, or cancel it before filing a new one");
    }
}
