package lu.ccss.guichet.space.domain;

/** What a domain system reports a space did in a domain. */
public enum UsageKind {
    CONSULTATION,
    PROCEDURE,
    CERTIFICATE
}
