package lu.ccss.guichet.certification.signing;

/**
 * Signs a request's PDF. The local adapter signs at once with this service's key; a qualified provider (LuxTrust)
 * signs on the employer's behalf. An adapter that cannot sign throws a problem (e.g. 503); it never pretends.
 */
public interface SigningPort {

    /** The adapter's name as recorded with the signed document: {@code local} or {@code luxtrust}. */
    String provider();

    SignedPdf sign(byte[] pdf, SignatureDetails details);
}
