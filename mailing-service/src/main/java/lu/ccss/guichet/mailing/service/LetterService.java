package lu.ccss.guichet.mailing.service;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MailingEvents;
import lu.ccss.guichet.mailing.domain.Letter;
import lu.ccss.guichet.mailing.domain.LetterStatusChange;
import lu.ccss.guichet.mailing.repository.LetterRepository;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.outbox.Outbox;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.platform.tracing.TraceParent;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What an operator does with a letter: follow it, read it before it leaves, record its posting and its return. */
@ApplicationScoped
public class LetterService {

    static final String AGGREGATE = "letter";
    private static final Logger LOG = Logger.getLogger(LetterService.class);

    private final LetterRepository letters;
    private final LetterVault vault;
    private final Outbox outbox;
    private final Caller caller;

    public LetterService(LetterRepository letters, LetterVault vault, Outbox outbox, Caller caller) {
        this.letters = letters;
        this.vault = vault;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public List<LetterRecord> ofRequest(UUID requestId) {
        return letters.ofRequest(requestId).stream().map(this::record).toList();
    }

    @Transactional
    public List<LetterRecord> ofEmployer(String employer) {
        return letters.ofEmployer(employer).stream().map(this::record).toList();
    }

    @Transactional
    public List<LetterRecord> ofBatch(UUID batchId) {
        return letters.ofBatch(batchId).stream().map(this::record).toList();
    }

    @Transactional
    public LetterRecord letter(UUID letterId) {
        return record(find(letterId));
    }

    /**
     * The operator's view of the letter, while it is kept (until posted); 410 afterwards. A code letter is answered
     * with its codes masked; its printable PDF (with the codes) goes only to the print provider.
     */
    @Transactional
    public byte[] pdf(UUID letterId) {
        Letter letter = find(letterId);
        return operatorView(letter).orElseThrow(() -> gone(letter));
    }

    /** The operator's view of a letter still in print, for the operator's archive; empty once it left. */
    @Transactional
    public Optional<byte[]> operatorPdf(UUID letterId) {
        return letters.findByIdOptional(letterId).flatMap(this::operatorView);
    }

    private Optional<byte[]> operatorView(Letter letter) {
        if (letter.pdfEncrypted == null) {
            return Optional.empty();
        }
        if (letter.carriesCodes()) {
            // Never fall back to the printable PDF: a code letter without a masked view is simply not shown.
            return Optional.ofNullable(letter.operatorPdfEncrypted)
                    .map(sealed -> vault.openOperatorView(letter.id, sealed));
        }
        return Optional.of(vault.open(letter.id, letter.pdfEncrypted));
    }

    /**
     * The PDF as printed (codes inside) of a letter still in print, for the print provider's sealed archive only;
     * empty once it left or was voided.
     */
    @Transactional
    public Optional<byte[]> printablePdf(UUID letterId) {
        return letters.findByIdOptional(letterId)
                .filter(l -> l.pdfEncrypted != null)
                .map(l -> vault.open(l.id, l.pdfEncrypted));
    }

    /**
     * The letter left for the post: its PDF is destroyed and LetterPosted published with the change. The posting is
     * the operator's own request, its own trace: its span links to the trace that made the letter.
     */
    @Transactional
    public LetterRecord posted(UUID letterId) {
        Letter letter = letters.lockById(letterId).orElseThrow(() -> notFound(letterId));
        SpanContext madeBy = TraceParent.spanContext(letter.traceParent);
        if (madeBy.isValid()) {
            Span.current().addLink(madeBy);
        }
        LetterStatusChange change = letter.post(Instant.now(), caller.userId());
        letters.record(change);
        outbox.record(EventTypes.LETTER_POSTED, AGGREGATE, letter.id, new MailingEvents.LetterPosted(letter.id,
                letter.kind, letter.requestId, letter.codeLetterId, change.changedAt));
        LOG.infof("Letter %s posted by %s; its PDF is deleted", letter.id, change.changedBy);
        return record(letter);
    }

    /** A posted letter came back; LetterReturned is published with the change. */
    @Transactional
    public LetterRecord returned(UUID letterId, String reason) {
        Letter letter = letters.lockById(letterId).orElseThrow(() -> notFound(letterId));
        LetterStatusChange change = letter.returned(Instant.now(), caller.userId(), reason);
        letters.record(change);
        outbox.record(EventTypes.LETTER_RETURNED, AGGREGATE, letter.id, new MailingEvents.LetterReturned(letter.id,
                letter.kind, letter.requestId, letter.codeLetterId, reason, change.changedAt));
        return record(letter);
    }

    private Letter find(UUID letterId) {
        return letters.findByIdOptional(letterId).orElseThrow(() -> notFound(letterId));
    }

    private LetterRecord record(Letter letter) {
        return new LetterRecord(letter, letters.historyOf(letter.id));
    }

    static DomainException notFound(UUID letterId) {
        return DomainException.notFound("No letter " + letterId);
    }

    private static DomainException gone(Letter letter) {
        if (letter.pdfEncrypted != null) {
            return DomainException.gone("Letter " + letter.id + " has no operator view (it was made before codes "
                    + "were masked for operators); only the print provider can download it");
        }
        return DomainException.gone("The PDF of letter " + letter.id + " no longer exists: the letter is "
                + letter.status + " and its content was destroyed");
    }

    /** A letter with its history. */
    public record LetterRecord(Letter letter, List<LetterStatusChange> history) {
    }
}
