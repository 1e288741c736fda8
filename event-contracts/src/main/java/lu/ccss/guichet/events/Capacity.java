package lu.ccss.guichet.events;

/** How a space acts for an employer in a domain: as the employer itself (main mandate) or as its agent. */
public enum Capacity {
    HOLDER,
    AGENT
}
