package lu.ccss.guichet.space.domain;

/** Where an invitation stands. A pending invitation past its expiry is shown, and treated, as expired. */
public enum InvitationStatus {
    PENDING,
    ACCEPTED,
    WITHDRAWN,
    EXPIRED
}
