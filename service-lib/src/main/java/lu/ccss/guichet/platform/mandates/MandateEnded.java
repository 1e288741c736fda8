package lu.ccss.guichet.platform.mandates;

import lu.ccss.guichet.events.MandateEvents.MandateRevoked;

/**
 * Fired (CDI, synchronously) when the mandate projection learns that a mandate ended, inside the transaction that
 * records it: an observer's changes and events commit with the projection's, or not at all, and a redelivered
 * {@code MandateRevoked} does not fire it twice.
 */
public record MandateEnded(MandateRevoked revoked) {
}
