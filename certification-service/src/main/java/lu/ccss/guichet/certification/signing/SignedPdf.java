package lu.ccss.guichet.certification.signing;

/** A signed PDF and the subject of the certificate that signed it. */
public record SignedPdf(byte[] pdf, String certificateSubject) {
}
