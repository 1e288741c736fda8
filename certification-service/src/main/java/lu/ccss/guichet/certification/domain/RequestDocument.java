package lu.ccss.guichet.certification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The document of a confirmed request: the PDF to sign, and once signed the signed PDF. Kept apart from the
 * request so that listing requests never loads PDFs.
 */
@Entity
@Table(name = "request_document")
public class RequestDocument extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "unsigned_pdf", nullable = false)
    public byte[] unsignedPdf;

    @Column(name = "unsigned_sha256", nullable = false)
    public String unsignedSha256;

    @Column(name = "rendered_at", nullable = false)
    public Instant renderedAt;

    @Column(name = "signed_pdf")
    public byte[] signedPdf;

    @Column(name = "signed_sha256")
    public String signedSha256;

    @Column(name = "signature_provider")
    public String signatureProvider;

    /** Subject of the certificate that signed, e.g. {@code CN=...,O=...,C=LU}. */
    @Column(name = "signer_certificate")
    public String signerCertificate;

    public boolean isSigned() {
        return signedPdf != null;
    }

    /** The signed PDF once there is one, else the PDF to sign. */
    public byte[] current() {
        return isSigned() ? signedPdf : unsignedPdf;
    }
}
