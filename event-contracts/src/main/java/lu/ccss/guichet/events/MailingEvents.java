package lu.ccss.guichet.events;

import java.time.Instant;
import java.util.UUID;

/** Events published by the mailing-service on {@link Topics#MAILING}, keyed by letter or document id. */
public final class MailingEvents {

    /** What a letter carries. */
    public enum LetterKind {
        CODES_EMPLOYER,
        CODES_AGENT,
        DOCUMENT,
        /** Tells the employer, at its registered address, that its holder certification was replaced or revoked. */
        HOLDER_NOTICE
    }

    /** A letter left for the post. {@code codeLetterId} links a code letter to the codes it carries. */
    public record LetterPosted(UUID letterId, LetterKind kind, UUID requestId, UUID codeLetterId, Instant postedAt) {
    }

    /** A posted letter came back undelivered. */
    public record LetterReturned(UUID letterId, LetterKind kind, UUID requestId, UUID codeLetterId, String reason,
                                 Instant returnedAt) {
    }

    /**
     * A document for an employer went to the space's eDelivery inbox instead of the post: the fact, on the public
     * topic. Version 2 carries neither the document nor its title nor its hash: those go only to the edelivery-service
     * ({@link DocumentForInbox}, on the private topic {@link Topics#MAILING_INBOX}).
     */
    public record DocumentRouted(UUID documentId, UUID spaceId, String employer, Domain domain, String contentType,
                                 long size, Instant routedAt) {
    }

    /**
     * The document itself, for the edelivery-service only, on {@link Topics#MAILING_INBOX}: the PDF base64
     * ({@code content}, at most 5 MB before encoding), its title and its SHA-256 for checking.
     */
    public record DocumentForInbox(UUID documentId, UUID spaceId, String employer, Domain domain, String title,
                                   String contentType, long size, String sha256, String content, Instant routedAt) {
    }

    private MailingEvents() {
    }
}
