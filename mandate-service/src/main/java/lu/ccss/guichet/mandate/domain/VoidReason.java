package lu.ccss.guichet.mandate.domain;

/** Why an unused code can no longer be used. */
public enum VoidReason {
    /** Its letter came back undelivered. */
    LETTER_RETURNED,
    /** An operator reissued the request's codes. */
    REISSUED,
    /** The holder revocation code of its domain was used before it. */
    REVOKED,
    /** The employer register marked its employer ceased. */
    EMPLOYER_CEASED,
    /** The employer register marked the agent it was for ceased. */
    AGENT_CEASED
}
