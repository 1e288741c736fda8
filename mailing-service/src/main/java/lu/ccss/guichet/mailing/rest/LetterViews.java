package lu.ccss.guichet.mailing.rest;

import lu.ccss.guichet.events.MailingEvents.LetterKind;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.mailing.domain.DocumentDispatch;
import lu.ccss.guichet.mailing.domain.Letter;
import lu.ccss.guichet.mailing.domain.LetterStatus;
import lu.ccss.guichet.mailing.domain.LetterStatusChange;
import lu.ccss.guichet.mailing.domain.PostageClass;
import lu.ccss.guichet.mailing.service.DocumentService;
import lu.ccss.guichet.mailing.service.LetterService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the mailing API. A letter's view never holds its content, let alone a code. */
public final class LetterViews {

    @Schema(name = "Letter", description = "A letter and its history; never its content or codes")
    public record LetterView(
            UUID id,
            LetterKind kind,
            @Schema(description = "GENERATED, BATCHED (in a print batch), POSTED, RETURNED, or VOIDED (codes "
                    + "reissued before it left, or a code letter to an employer or agent the register marks ceased, "
                    + "never printed: the history says why)") LetterStatus status,
            @Schema(description = "The certification request, for a code letter") UUID requestId,
            @Schema(description = "The CodeLetter of CodesIssued this letter prints") UUID codeLetterId,
            @Schema(description = "The document, for a DOCUMENT letter") UUID documentId,
            @Schema(description = "The ended holder mandate (MandateRevoked.certificationId), for a HOLDER_NOTICE")
            UUID mandateId,
            String reference,
            String employer,
            String recipientName,
            String agentRegistrationNumber,
            PostalAddress address,
            String language,
            @Schema(description = "Page count; null for a letter voided before it was rendered") Integer pages,
            @Schema(description = "Lower-case hex SHA-256 of the PDF as printed; null if never rendered")
            String contentSha256,
            PostageClass postageClass,
            UUID batchId,
            @Schema(description = "Whether GET /api/letters/{id}/pdf still answers (until posted)") boolean pdfAvailable,
            Instant createdAt,
            List<StatusChangeView> history) {

        static LetterView of(LetterService.LetterRecord record) {
            Letter l = record.letter();
            return new LetterView(l.id, l.kind, l.status, l.requestId, l.codeLetterId, l.documentId, l.mandateId,
                    l.reference,
                    l.employer, l.recipientName, l.agentRegistrationNumber,
                    l.address == null ? null : l.address.toPostalAddress(), l.language,
                    l.pages, l.contentSha256, l.postageClass(), l.batchId, l.status.keepsPdf(), l.createdAt,
                    record.history().stream().map(StatusChangeView::of).toList());
        }
    }

    @Schema(name = "LetterStatusChange")
    public record StatusChangeView(LetterStatus status, Instant at,
                                   @Schema(description = "The operator, or mailing-service") String by, String note) {
        static StatusChangeView of(LetterStatusChange change) {
            return new StatusChangeView(change.status, change.changedAt, change.changedBy, change.note);
        }
    }

    @Schema(name = "DocumentDispatch", description = "Which way a document went")
    public record DocumentView(UUID documentId,
                               @Schema(description = "EDELIVERY: DocumentRouted was published for the inbox; POST: "
                                       + "a letter with a cover page joins the print flow") DocumentDispatch.Channel channel,
                               @Schema(description = "The postal letter, when by post") UUID letterId,
                               @Schema(description = "The space whose eDelivery inbox received it, when by "
                                       + "eDelivery: the space named, or the space holding the mandate now")
                               UUID inboxSpaceId,
                               Instant receivedAt) {
        static DocumentView of(DocumentService.Outcome outcome) {
            return new DocumentView(outcome.documentId(), outcome.channel(), outcome.letterId(),
                    outcome.inboxSpaceId(), outcome.receivedAt());
        }
    }

    private LetterViews() {
    }

    @Schema(name = "CodeDownload", description = "One download of codes by the print provider (a print archive or one "
            + "letter's printable PDF), from the append-only audit trail; never a code")
    public record CodeDownloadView(
            @Schema(description = "Position in the audit trail") long seq,
            Instant downloadedAt,
            @Schema(description = "The token's subject: the provider's user or service account") String downloadedBy,
            @Schema(description = "The OIDC client the token was issued to (azp), if any") String clientId,
            @Schema(description = "PRINT_ARCHIVE or LETTER_PDF") String what,
            UUID batchId,
            @Schema(description = "For LETTER_PDF") UUID letterId,
            @Schema(description = "How many letters the download held") int letterCount,
            @Schema(description = "The print provider key it was encrypted for") String keyId) {

        public static CodeDownloadView of(lu.ccss.guichet.mailing.domain.CodeDownload d) {
            return new CodeDownloadView(d.seq, d.downloadedAt, d.downloadedBy, d.clientId, d.what.name(), d.batchId,
                    d.letterId, d.letterCount, d.keyId);
        }
    }

    @Schema(name = "PrintBatchSummary", description = "A print batch that still has letters to print")
    public record PrintBatchSummary(
            UUID batchId,
            Instant createdAt,
            @Schema(description = "Letters gathered into it") int letterCount,
            @Schema(description = "Letters of it still to print (BATCHED)") int waitingLetters) {
    }
}
