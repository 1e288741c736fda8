package lu.ccss.guichet.edelivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.edelivery.domain.CheckedDocument;
import lu.ccss.guichet.edelivery.domain.DocumentRefusedException;
import lu.ccss.guichet.edelivery.domain.InboxDocument;
import lu.ccss.guichet.edelivery.repository.ActivationRepository;
import lu.ccss.guichet.edelivery.repository.InboxRepository;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EDeliveryEvents;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MailingEvents;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.membership.SpaceAccess;
import lu.ccss.guichet.platform.outbox.Outbox;
import lu.ccss.guichet.platform.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The eDelivery inbox: documents routed by the mailing-service, listed and downloaded by the space's members. */
@ApplicationScoped
public class InboxService {

    static final String DOCUMENT_AGGREGATE = "inbox-document";

    private final InboxRepository inbox;
    private final ActivationRepository activations;
    private final DocumentVault vault;
    private final SpaceAccess access;
    private final Caller caller;
    private final Outbox outbox;

    public InboxService(InboxRepository inbox, ActivationRepository activations, DocumentVault vault,
                        SpaceAccess access, Caller caller, Outbox outbox) {
        this.inbox = inbox;
        this.activations = activations;
        this.vault = vault;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
    }

    /** A page of an inbox and how many documents match. */
    public record Page(List<InboxRepository.Entry> entries, int page, int size, long total) {
    }

    /** A downloaded document. */
    public record Download(InboxDocument document, byte[] content) {
    }

    /**
     * Takes a routed document into the inbox, in the inbox's transaction. A document for a domain whose eDelivery is
     * not on, or whose bytes are not what the event announces, is refused: the exception sends the record to the
     * dead-letter topic and nothing is stored. The same document routed again is stored once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(MailingEvents.DocumentForInbox routed) {
        if (!activations.isActive(routed.spaceId(), routed.employer(), routed.domain())) {
            // Never on, or stopped because the space lost its mandate (a document the mailing-service routed before
            // it learnt of the stop): not stored, so never readable by that space; dead-lettered with the reason so
            // that an operator sends it by post (or to the space holding the mandate now).
            throw new DocumentRefusedException("Document " + routed.documentId() + " refused: eDelivery is not "
                    + "active for space " + routed.spaceId() + ", employer " + routed.employer() + " and domain "
                    + routed.domain() + "; it must go by post");
        }
        CheckedDocument checked = CheckedDocument.of(routed);
        if (inbox.findById(routed.documentId()) != null) {
            return;
        }
        InboxDocument document = new InboxDocument();
        document.id = routed.documentId();
        document.spaceId = routed.spaceId();
        document.employer = routed.employer();
        document.domain = routed.domain();
        document.title = routed.title().strip();
        document.contentType = CheckedDocument.PDF;
        document.size = routed.size();
        document.sha256 = routed.sha256();
        document.routedAt = routed.routedAt();
        document.receivedAt = Instant.now();
        inbox.persist(document);
        inbox.flush();
        inbox.storeContent(document.id, vault.seal(document.id, checked.bytes()));
    }

    /**
     * A page of the inbox. Read only, so no JTA transaction of its own (under READ COMMITTED each statement sees its
     * own snapshot either way); the count is asked only when the page does not tell it: a page neither full nor
     * empty-past-the-end holds the last entries, so the total is the entries before it plus its own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(UUID spaceId, Domain domain, boolean unreadOnly, int page, int size) {
        access.requireMember(spaceId);
        String reader = caller.userId();
        List<InboxRepository.Entry> entries = inbox.page(spaceId, reader, domain, unreadOnly, page, size);
        boolean last = entries.size() < size && (!entries.isEmpty() || page == 0);
        long total = last ? (long) page * size + entries.size() : inbox.count(spaceId, reader, domain, unreadOnly);
        return new Page(entries, page, size, total);
    }

    /** The document's bytes; the first download by a person records the reading and publishes DocumentRead. */
    @Transactional
    public Download download(UUID spaceId, UUID documentId) {
        access.requireMember(spaceId);
        InboxDocument document = inbox.inSpace(spaceId, documentId)
                .orElseThrow(() -> DomainException.notFound("No document " + documentId + " in this inbox"));
        byte[] content = vault.open(document.id, inbox.content(document.id));
        String reader = caller.userId();
        Instant now = Instant.now();
        if (inbox.recordFirstReading(document.id, reader, now)) {
            outbox.record(EventTypes.DOCUMENT_READ, DOCUMENT_AGGREGATE, document.id,
                    new EDeliveryEvents.DocumentRead(document.id, spaceId, document.employer, document.domain, reader,
                            now));
        }
        return new Download(document, content);
    }
}
