package lu.ccss.guichet.events;

/** Role of a user in a professional space. */
public enum MemberRole {
    ADMINISTRATOR,
    MEMBER
}
