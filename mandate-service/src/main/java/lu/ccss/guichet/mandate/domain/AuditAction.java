package lu.ccss.guichet.mandate.domain;

/** What an audit entry records. */
public enum AuditAction {
    /** Codes were issued for a transmitted request. */
    CODES_ISSUED,
    /** An operator reissued a request's codes. */
    CODES_REISSUED,
    /** A code letter was posted: its codes became usable. */
    CODES_ACTIVATED,
    /** Unused codes were voided (letter returned, reissue, revocation). */
    CODES_VOIDED,
    /** Someone tried to certify a space with an access code and a security code. */
    CODE_REDEMPTION,
    /** An access code was locked after too many failures. */
    CODE_LOCKED,
    /** Someone used (or tried) a holder revocation code. */
    REVOCATION_CODE_USE,
    /** A space was certified. */
    CERTIFICATION_GRANTED,
    /** A certification ended (the detail says why). */
    MANDATE_REVOKED
}
