package lu.ccss.guichet.certification.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.RequestDocument;
import lu.ccss.guichet.certification.domain.RequestState;
import lu.ccss.guichet.certification.repository.CertificationRequestRepository;
import lu.ccss.guichet.certification.repository.RequestDocumentRepository;
import lu.ccss.guichet.certification.repository.TimelineRepository;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.membership.SpaceAccess;

import java.util.List;
import java.util.UUID;

/** What filers and operators read about requests. */
@ApplicationScoped
public class RequestQueries {

    /** One page of an operator's list. */
    public record RequestPage(List<CertificationRequest> items, int page, int size, long totalItems) {
    }

    private final CertificationRequestRepository requests;
    private final RequestDocumentRepository documents;
    private final TimelineRepository timeline;
    private final RequestLoader loader;
    private final SpaceAccess access;

    public RequestQueries(CertificationRequestRepository requests, RequestDocumentRepository documents,
                          TimelineRepository timeline, RequestLoader loader, SpaceAccess access) {
        this.requests = requests;
        this.documents = documents;
        this.timeline = timeline;
        this.loader = loader;
        this.access = access;
    }

    @Transactional
    public RequestDetails details(UUID id) {
        CertificationRequest request = loader.forMember(id);
        request.agents.size(); // loaded here: the view is built after the transaction
        return new RequestDetails(request, documents.findById(request.id), timeline.ofRequest(request.id));
    }

    @Transactional
    public List<CertificationRequest> ofSpace(UUID spaceId) {
        access.requireMember(spaceId);
        return requests.ofSpace(spaceId);
    }

    /** The document to sign, or once signed the signed one; 404 before confirmation. */
    @Transactional
    public DocumentFile document(UUID id) {
        CertificationRequest request = loader.forMember(id);
        RequestDocument document = documents.findByIdOptional(request.id).orElseThrow(() ->
                DomainException.notFound("Request " + request.reference + " has no document yet: it is rendered "
                        + "when the request is confirmed"));
        return new DocumentFile(request.reference, document.current(), document.isSigned());
    }

    /** A PDF and what it is. */
    public record DocumentFile(String reference, byte[] pdf, boolean signed) {
    }

    @Transactional
    public RequestPage forOperators(RequestState state, int page, int size) {
        PanacheQuery<CertificationRequest> query = requests.inState(state, page, size);
        return new RequestPage(query.list(), page, size, query.count());
    }
}
