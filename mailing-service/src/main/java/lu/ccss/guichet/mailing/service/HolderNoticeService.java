package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.MailingEvents.LetterKind;
import lu.ccss.guichet.events.MandateEvents.MandateRevoked;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.mailing.domain.Letter;
import lu.ccss.guichet.mailing.render.LetterModels;
import lu.ccss.guichet.mailing.render.LetterRenderer;
import lu.ccss.guichet.mailing.render.RenderedLetter;
import lu.ccss.guichet.mailing.repository.LetterRepository;
import lu.ccss.guichet.platform.inbound.InvalidEventException;
import lu.ccss.guichet.platform.logging.Redacted;
import lu.ccss.guichet.platform.persistence.Address;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * "The holder is told": when a holder certification is replaced (REPLACED) or revoked with its revocation code
 * (REVOKED_BY_CODE), the employer gets a HOLDER_NOTICE letter at its registered address, in its registered language,
 * saying which domain, when, which space lost it and why, which space holds it now (REPLACED), and to contact the CCSS
 * if it did not ask for it. Never a code. One notice per mandate (MandateRevoked.certificationId), whatever event id
 * delivers it. The letter joins the normal print flow. Agent mandates and the other reasons get no notice.
 */
@ApplicationScoped
public class HolderNoticeService {

    static final Set<RevocationReason> TOLD = Set.of(RevocationReason.REPLACED, RevocationReason.REVOKED_BY_CODE);
    private static final Logger LOG = Logger.getLogger(HolderNoticeService.class);

    private final LetterRepository letters;
    private final RegisteredRecipients recipients;
    private final LetterRenderer renderer;
    private final LetterVault vault;

    public HolderNoticeService(LetterRepository letters, RegisteredRecipients recipients, LetterRenderer renderer,
                               LetterVault vault) {
        this.letters = letters;
        this.recipients = recipients;
        this.renderer = renderer;
        this.vault = vault;
    }

    @Transactional
    public void onMandateRevoked(MandateRevoked event) {
        if (event.capacity() != Capacity.HOLDER || !TOLD.contains(event.reason())) {
            return;
        }
        if (event.certificationId() == null || event.spaceId() == null || event.employer() == null
                || event.domain() == null) {
            throw new InvalidEventException("MandateRevoked needs certificationId, spaceId, employer and domain");
        }
        if (letters.existsForMandate(event.certificationId())) {
            LOG.debugf("Holder notice for mandate %s was already made; skipped", event.certificationId());
            return;
        }
        Optional<RegisteredRecipients.Recipient> employer = recipients.forNotice(event.employer());
        if (employer.isEmpty()) {
            LOG.warnf("No holder notice for mandate %s (%s, %s): employer %s is not in the employer register, so "
                    + "there is no address to write to", event.certificationId(), event.domain(), event.reason(),
                    Redacted.registrationNumber(event.employer()));
            return;
        }
        RegisteredRecipients.Recipient recipient = employer.get();
        Instant now = Instant.now();
        Instant endedAt = event.revokedAt() != null ? event.revokedAt() : now;
        String language = recipient.language();
        Letter letter = new Letter();
        letter.id = UUID.randomUUID();
        String reference = event.certificationId().toString();
        LetterModels.Header header = renderer.header(letter.id, language, recipient.name(), recipient.address(),
                reference, event.employer(), now);
        boolean replaced = event.reason() == RevocationReason.REPLACED;
        RenderedLetter rendered = renderer.holderNotice(language, header, new LetterModels.HolderNotice(
                event.domain(), event.spaceId().toString(), LetterRenderer.date(language, endedAt), replaced,
                replaced && event.successorSpaceId() != null ? event.successorSpaceId().toString() : null));
        letter.kind = LetterKind.HOLDER_NOTICE;
        letter.language = language;
        letter.reference = reference;
        letter.employer = event.employer();
        letter.mandateId = event.certificationId();
        letter.recipientName = recipient.name();
        letter.address = Address.of(recipient.address());
        letter.pages = rendered.pages();
        letter.contentSha256 = rendered.sha256();
        letter.pdfEncrypted = vault.seal(letter.id, rendered.pdf());
        var generated = letter.generated(now, "holder mandate " + event.certificationId() + " of space "
                + event.spaceId() + " ended (" + event.reason() + ", " + event.domain() + ")");
        letters.persist(letter);
        letters.record(generated);
        LOG.infof("Holder notice %s generated for employer %s: mandate %s %s", letter.id, Redacted.registrationNumber(event.employer()),
                event.certificationId(), event.reason());
    }
}
