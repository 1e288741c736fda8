package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.repository.CertificationRequestRepository;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.membership.SpaceAccess;
import lu.ccss.guichet.platform.security.Caller;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds a request for one of the members of its space. Anyone else gets the same 404 as for a request that does not
 * exist, so that the answer never tells whether a request id (or the space it belongs to) exists.
 */
@ApplicationScoped
public class RequestLoader {

    private final CertificationRequestRepository requests;
    private final SpaceAccess access;
    private final Caller caller;

    public RequestLoader(CertificationRequestRepository requests, SpaceAccess access, Caller caller) {
        this.requests = requests;
        this.access = access;
        this.caller = caller;
    }

    /** The request, for reading. */
    public CertificationRequest forMember(UUID id) {
        return visible(id, requests.findByIdOptional(id));
    }

    /** The request, locked for a change until the transaction ends. */
    public CertificationRequest forChange(UUID id) {
        return visible(id, requests.findForUpdate(id));
    }

    private CertificationRequest visible(UUID id, Optional<CertificationRequest> found) {
        return found.filter(r -> access.isMember(r.spaceId, caller.userId()))
                .orElseThrow(() -> DomainException.notFound("No certification request " + id
                        + " among the requests of your spaces"));
    }
}
