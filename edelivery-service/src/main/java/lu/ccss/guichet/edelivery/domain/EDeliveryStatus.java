package lu.ccss.guichet.edelivery.domain;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents;

import java.time.Instant;

/**
 * Whether documents of a domain for an employer go to a space's inbox, and since when ({@code null} if not); if it was
 * on and stopped because the space lost its mandate, when and why.
 */
public record EDeliveryStatus(String employer, Domain domain, boolean active, Instant since, Instant stoppedAt,
                              MandateEvents.RevocationReason stopReason) {
}
