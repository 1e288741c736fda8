package lu.ccss.guichet.mailing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.MailingEvents.LetterKind;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.persistence.Address;
import lu.ccss.guichet.platform.tracing.TraceParent;

import java.time.Instant;
import java.util.UUID;

/**
 * A letter to print and post. Its PDF is kept encrypted only while it waits to be printed and posted; afterwards the
 * row keeps who it went to, what it was, its page count and the SHA-256 of its content.
 */
@Entity
@Table(name = "letter")
public class Letter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LetterKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LetterStatus status;

    /** fr, de or en. */
    @Column(nullable = false)
    public String language;

    /** The certification request's reference for a code letter; the document id for a document. */
    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String employer;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "issuance_id")
    public UUID issuanceId;

    @Column(name = "code_letter_id")
    public UUID codeLetterId;

    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(name = "agent_registration_number")
    public String agentRegistrationNumber;

    @Embedded
    public Address address;

    /** Null only for a letter voided before it was ever rendered (a code letter to a ceased party). */
    @Column
    public Integer pages;

    /** Lower-case hex SHA-256 of the PDF as printed; null when never rendered. */
    @Column(name = "content_sha256")
    public String contentSha256;

    /** The ended holder mandate a HOLDER_NOTICE tells of (MandateRevoked.certificationId): one notice per mandate. */
    @Column(name = "mandate_id")
    public UUID mandateId;

    /** Loaded only when read: listing letters never pulls their PDFs out of the database. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "pdf_encrypted")
    public byte[] pdfEncrypted;

    /**
     * The operator's view of a code letter: the same letter with every code masked, encrypted like the PDF; null for
     * letters without codes (their operator view is the PDF itself) and once the PDF is destroyed.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "operator_pdf_encrypted")
    public byte[] operatorPdfEncrypted;

    @Column(name = "batch_id")
    public UUID batchId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * The W3C traceparent of the span that made the letter (the handling of the event that asked for it); null when
     * tracing is off. Its posting, an operator's later request, links to it (docs/operations.md, "Traces").
     */
    @Column(name = "trace_parent")
    public String traceParent;

    @PrePersist
    void keepTheTrace() {
        if (traceParent == null) {
            traceParent = TraceParent.current();
        }
    }

    /** A freshly rendered letter: GENERATED, with its first history entry. */
    public LetterStatusChange generated(Instant at, String note) {
        status = LetterStatus.GENERATED;
        createdAt = at;
        return LetterStatusChange.of(id, LetterStatus.GENERATED, at, LetterStatusChange.SYSTEM, note);
    }

    /**
     * A letter that must not be printed at all (codes for an employer or agent the register marks ceased): recorded
     * VOIDED at once, with the reason, without a PDF.
     */
    public LetterStatusChange voidUnprinted(Instant at, String reason) {
        status = LetterStatus.VOIDED;
        createdAt = at;
        pdfEncrypted = null;
        operatorPdfEncrypted = null;
        return LetterStatusChange.of(id, LetterStatus.VOIDED, at, LetterStatusChange.SYSTEM, reason);
    }

    /** The letter joins a print batch. */
    public LetterStatusChange batch(UUID batch, Instant at, String by) {
        if (status != LetterStatus.GENERATED) {
            throw DomainException.conflict("Letter " + id + " is " + status + ", not waiting to be printed");
        }
        status = LetterStatus.BATCHED;
        batchId = batch;
        return LetterStatusChange.of(id, LetterStatus.BATCHED, at, by, "print batch " + batch);
    }

    /** The letter left for the post: its PDF (and any code it carries) is destroyed. */
    public LetterStatusChange post(Instant at, String by) {
        switch (status) {
            case BATCHED -> {
                status = LetterStatus.POSTED;
                pdfEncrypted = null;
                operatorPdfEncrypted = null;
                return LetterStatusChange.of(id, LetterStatus.POSTED, at, by, null);
            }
            case GENERATED -> throw DomainException.conflict("Letter " + id
                    + " has not been printed yet: put it in a print batch first");
            case VOIDED -> throw DomainException.conflict("Letter " + id
                    + " is void (its codes were reissued, or its recipient ceased): destroy any printed copy instead "
                    + "of posting it");
            default -> throw DomainException.conflict("Letter " + id + " was already posted (it is " + status + ")");
        }
    }

    /** A posted letter came back undelivered. */
    public LetterStatusChange returned(Instant at, String by, String reason) {
        if (status != LetterStatus.POSTED) {
            throw DomainException.conflict("Only a posted letter can come back; letter " + id + " is " + status);
        }
        status = LetterStatus.RETURNED;
        return LetterStatusChange.of(id, LetterStatus.RETURNED, at, by, reason);
    }

    /** Its codes were replaced by a newer issuance before it left: it must never be posted. */
    public LetterStatusChange voidBy(UUID newerIssuance, Instant at) {
        status = LetterStatus.VOIDED;
        pdfEncrypted = null;
        operatorPdfEncrypted = null;
        return LetterStatusChange.of(id, LetterStatus.VOIDED, at, LetterStatusChange.SYSTEM,
                "codes reissued (issuance " + newerIssuance + ")");
    }

    /** Whether the letter carries codes (its printable PDF is for the print provider only). */
    public boolean carriesCodes() {
        return kind == LetterKind.CODES_EMPLOYER || kind == LetterKind.CODES_AGENT;
    }

    public PostageClass postageClass() {
        return PostageClass.of(kind);
    }
}
