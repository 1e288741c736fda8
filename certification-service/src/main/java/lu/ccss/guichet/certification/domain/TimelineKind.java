package lu.ccss.guichet.certification.domain;

/** What happened to a request, as its filer sees it on the timeline. */
public enum TimelineKind {
    OPENED,
    CONFIRMED,
    SIGNED,
    TRANSMITTED,
    CANCELLED,
    EXPIRED,
    /** The mandate-service issued the request's codes (or reissued them). */
    CODES_ISSUED,
    /** The mailing-service posted one of the request's letters. */
    LETTER_POSTED,
    /** A space was certified for one domain with the request's codes, as holder or agent. */
    DOMAIN_CERTIFIED
}
