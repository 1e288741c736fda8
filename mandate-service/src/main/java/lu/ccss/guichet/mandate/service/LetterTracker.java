package lu.ccss.guichet.mandate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.MailingEvents.LetterPosted;
import lu.ccss.guichet.events.MailingEvents.LetterReturned;
import lu.ccss.guichet.mandate.config.CodesConfig;
import lu.ccss.guichet.mandate.domain.AuditAction;
import lu.ccss.guichet.mandate.domain.AuditEntry;
import lu.ccss.guichet.mandate.domain.AuditOutcome;
import lu.ccss.guichet.mandate.domain.CodeRequest;
import lu.ccss.guichet.mandate.domain.IssuedCode;
import lu.ccss.guichet.mandate.domain.IssuedLetter;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.domain.VoidReason;
import lu.ccss.guichet.mandate.repository.CodeIssuanceRepository;
import lu.ccss.guichet.mandate.repository.CodeRequestRepository;
import lu.ccss.guichet.mandate.repository.IssuedCodeRepository;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;

/** Codes follow their letter: usable once it is posted (for the validity period), void if it comes back. */
@ApplicationScoped
public class LetterTracker {

    private static final Logger LOG = Logger.getLogger(LetterTracker.class);
    private static final String MAILING = "system:mailing-service";

    private final CodeIssuanceRepository letters;
    private final IssuedCodeRepository codes;
    private final CodeRequestRepository requests;
    private final AuditTrail audit;
    private final Duration validity;

    public LetterTracker(CodeIssuanceRepository letters, IssuedCodeRepository codes, CodeRequestRepository requests,
                         AuditTrail audit, CodesConfig config) {
        this.letters = letters;
        this.codes = codes;
        this.requests = requests;
        this.audit = audit;
        this.validity = config.validity();
    }

    @Transactional
    public void onLetterPosted(LetterPosted event) {
        IssuedLetter letter = codeLetter(event.codeLetterId());
        if (letter == null || letter.postedAt != null) {
            return;
        }
        letter.postedAt = event.postedAt();
        int activated = 0;
        for (IssuedCode code : codes.ofLetter(letter.id)) {
            if (code.voidedAt == null) {
                code.activate(event.postedAt(), validity);
                activated++;
            }
        }
        LOG.infof("Code letter %s posted: %d code(s) of request %s usable", letter.id, activated, letter.requestId);
        audit.record(AuditEntry.of(MAILING, AuditAction.CODES_ACTIVATED, AuditOutcome.SUCCESS)
                .request(letter.requestId, employerOf(letter))
                .detail("letter " + letter.id + " (" + letter.recipientKind + ") posted; " + activated
                        + " code(s) usable until " + event.postedAt().plus(validity)));
    }

    @Transactional
    public void onLetterReturned(LetterReturned event) {
        IssuedLetter letter = codeLetter(event.codeLetterId());
        if (letter == null || letter.returnedAt != null) {
            return;
        }
        letter.returnedAt = event.returnedAt();
        var now = Times.now();
        long voided = codes.ofLetter(letter.id).stream().filter(code -> code.voidFor(VoidReason.LETTER_RETURNED, now))
                .count();
        LOG.infof("Code letter %s returned: %d unused code(s) of request %s voided", letter.id, voided,
                letter.requestId);
        audit.record(AuditEntry.of(MAILING, AuditAction.CODES_VOIDED, AuditOutcome.SUCCESS)
                .request(letter.requestId, employerOf(letter))
                .detail("letter " + letter.id + " (" + letter.recipientKind + ") returned; " + voided
                        + " unused code(s) voided"));
    }

    private IssuedLetter codeLetter(UUID codeLetterId) {
        if (codeLetterId == null) {
            return null;
        }
        IssuedLetter letter = letters.letter(codeLetterId);
        if (letter == null) {
            LOG.infof("Letter event for code letter %s, which this service did not issue; ignored", codeLetterId);
        }
        return letter;
    }

    private String employerOf(IssuedLetter letter) {
        CodeRequest request = requests.findById(letter.requestId);
        return request == null ? null : request.employer;
    }
}
