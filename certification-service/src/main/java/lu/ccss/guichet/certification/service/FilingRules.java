package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.RequestState;
import lu.ccss.guichet.certification.repository.CertificationRequestRepository;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.mandates.MandateProjection;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Who may file for which employer: the employer itself, never its agent, and one open request at a time. */
@ApplicationScoped
public class FilingRules {

    static final String ONE_OPEN_REQUEST_INDEX = "certification_request_one_open_per_employer";

    private final MandateProjection mandates;
    private final CertificationRequestRepository requests;

    public FilingRules(MandateProjection mandates, CertificationRequestRepository requests) {
        this.mandates = mandates;
        this.requests = requests;
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
