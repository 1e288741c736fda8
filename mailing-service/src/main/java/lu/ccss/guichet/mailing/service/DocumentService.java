package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MailingEvents.LetterKind;
import lu.ccss.guichet.events.MailingEvents;
import lu.ccss.guichet.mailing.domain.DocumentDispatch.Channel;
import lu.ccss.guichet.mailing.domain.DocumentDispatch;
import lu.ccss.guichet.mailing.domain.DocumentSubmission;
import lu.ccss.guichet.mailing.domain.Letter;
import lu.ccss.guichet.mailing.render.LetterModels;
import lu.ccss.guichet.mailing.render.LetterRenderer;
import lu.ccss.guichet.mailing.render.RenderedLetter;
import lu.ccss.guichet.mailing.repository.DocumentDispatchRepository;
import lu.ccss.guichet.mailing.repository.EDeliveryActivationRepository;
import lu.ccss.guichet.mailing.repository.LetterRepository;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.logging.Redacted;
import lu.ccss.guichet.platform.outbox.Outbox;
import lu.ccss.guichet.platform.persistence.Address;
import lu.ccss.guichet.platform.security.Caller;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The documents channel. A document for (space, employer, domain) goes, in this order: to that space's eDelivery inbox
 * when its eDelivery is on; otherwise to the inbox of another space whose eDelivery is on for that employer and domain
 * (the space that holds the mandate now; the most recently activated if several); otherwise by post, as a letter with
 * a cover page that joins the print flow, to the employer's legal name, address and language in the employer register
 * (RegisteredRecipients), never to an address the sender supplies. An employer the register does not know is refused
 * (400 on {@code employer}) whatever the route.
 */
@ApplicationScoped
public class DocumentService {

    static final String AGGREGATE = "document";
    private static final Logger LOG = Logger.getLogger(DocumentService.class);

    private final EDeliveryActivationRepository activations;
    private final RegisteredRecipients recipients;
    private final DocumentDispatchRepository dispatches;
    private final LetterRepository letters;
    private final LetterRenderer renderer;
    private final LetterVault vault;
    private final Outbox outbox;
    private final Caller caller;
    private final IntakeTimers timers;

    public DocumentService(EDeliveryActivationRepository activations, RegisteredRecipients recipients,
                           DocumentDispatchRepository dispatches, LetterRepository letters, LetterRenderer renderer,
                           LetterVault vault, Outbox outbox, Caller caller,
                           IntakeTimers timers) {
        this.activations = activations;
        this.recipients = recipients;
        this.dispatches = dispatches;
        this.letters = letters;
        this.renderer = renderer;
        this.vault = vault;
        this.outbox = outbox;
        this.caller = caller;
        this.timers = timers;
    }

    /** Sends the document one way or the other; the same document id sent again with the same PDF is answered alike. */
    @Transactional
    public Outcome send(DocumentSubmission document) {
        String sha256 = timers.hashing(() -> LetterRenderer.sha256(document.content()));
        Optional<DocumentDispatch> earlier = dispatches.findByIdOptional(document.documentId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), document, sha256);
        }
        RegisteredRecipients.Recipient employer = recipients.forDocument(document.employer())
                .orElseThrow(() -> DomainException.invalidField("employer", "is not in the CCSS employer register: "
                        + "a document can go neither to a space's inbox nor by post to an employer it does not know"));
        Instant now = Instant.now();
        DocumentDispatch dispatch = new DocumentDispatch();
        dispatch.documentId = document.documentId();
        dispatch.spaceId = document.spaceId();
        dispatch.employer = document.employer();
        dispatch.domain = document.domain();
        dispatch.title = document.title();
        dispatch.size = document.content().length;
        dispatch.sha256 = sha256;
        dispatch.receivedAt = now;
        dispatch.sentBy = caller.userId();
        Optional<UUID> inbox = activations.inboxFor(document.spaceId(), document.employer(), document.domain());
        if (inbox.isPresent()) {
            dispatch.channel = Channel.EDELIVERY;
            dispatch.inboxSpaceId = inbox.get();
            dispatches.persist(dispatch);
            // The fact on the shared topic; the document, its title and its hash only on the private topic that
            // the edelivery-service alone may read.
            outbox.record(EventTypes.DOCUMENT_ROUTED, AGGREGATE, document.documentId(),
                    new MailingEvents.DocumentRouted(document.documentId(), inbox.get(), document.employer(),
                            document.domain(), "application/pdf", document.content().length, now));
            outbox.record(EventTypes.DOCUMENT_FOR_INBOX, AGGREGATE, document.documentId(),
                    new MailingEvents.DocumentForInbox(document.documentId(), inbox.get(), document.employer(),
                            document.domain(), document.title(), "application/pdf", document.content().length,
                            sha256, Base64.getEncoder().encodeToString(document.content()), now));
        } else {
            Letter letter = postalLetter(document, employer, sha256, now);
            dispatch.channel = Channel.POST;
            dispatch.letterId = letter.id;
            dispatches.persist(dispatch);
        }
        LOG.infof("Document %s (%s, employer %s) from %s goes by %s%s", document.documentId(), document.domain(),
                Redacted.registrationNumber(document.employer()), dispatch.sentBy, dispatch.channel,
                inbox.filter(s -> !s.equals(document.spaceId())).map(s -> " to the inbox of space " + s
                        + ", which holds the mandate now").orElse(""));
        return Outcome.of(dispatch);
    }

    private Letter postalLetter(DocumentSubmission document, RegisteredRecipients.Recipient employer, String sha256,
                                Instant now) {
        String name = employer.name();
        String language = employer.language();
        Letter letter = new Letter();
        letter.id = UUID.randomUUID();
        String reference = document.documentId().toString();
        LetterModels.Header header = renderer.header(letter.id, language, name, employer.address(), reference,
                document.employer(), now);
        RenderedLetter rendered = timers.rendering(() -> renderer.documentLetter(language, header,
                new LetterModels.DocumentCover(document.domain(), document.title(), document.pages()),
                document.content()));
        letter.kind = LetterKind.DOCUMENT;
        letter.language = language;
        letter.reference = reference;
        letter.employer = document.employer();
        letter.documentId = document.documentId();
        letter.recipientName = name;
        letter.address = Address.of(employer.address());
        letter.pages = rendered.pages();
        letter.contentSha256 = rendered.sha256();
        letter.pdfEncrypted = timers.encryption(() -> vault.seal(letter.id, rendered.pdf()));
        var generated = letter.generated(now, "document " + document.documentId() + " (sha256 " + sha256 + ")");
        letters.persist(letter);
        letters.record(generated);
        return letter;
    }

    private static Outcome replay(DocumentDispatch earlier, DocumentSubmission document, String sha256) {
        boolean same = earlier.sha256.equals(sha256) && earlier.spaceId.equals(document.spaceId())
                && earlier.employer.equals(document.employer()) && earlier.domain == document.domain();
        if (!same) {
            throw DomainException.conflict("Document " + document.documentId()
                    + " was already sent with other content or to another recipient; use a new document id");
        }
        return Outcome.of(earlier);
    }

    /** Which way a document went; {@code letterId} when by post, {@code inboxSpaceId} when by eDelivery. */
    public record Outcome(UUID documentId, Channel channel, UUID letterId, UUID inboxSpaceId, Instant receivedAt) {
        static Outcome of(DocumentDispatch dispatch) {
            return new Outcome(dispatch.documentId, dispatch.channel, dispatch.letterId, dispatch.inboxSpaceId,
                    dispatch.receivedAt);
        }
    }
}
