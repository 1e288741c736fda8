package lu.ccss.guichet.mandate.domain;

/** How the recorded action ended. */
public enum AuditOutcome {
    SUCCESS,
    /** The codes did not match (counts towards locks and rate limits). */
    FAILURE,
    /** Refused because of the state of the code or mandate (used, void, expired, locked, nothing to revoke...). */
    REFUSED,
    /** Refused because the person or space failed too often recently. */
    RATE_LIMITED
}
