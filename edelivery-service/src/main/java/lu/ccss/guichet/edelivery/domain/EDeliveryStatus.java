package lu.ccss.guichet.edelivery.domain;

import lu.ccss.guichet.events.Domain;

import java.time.Instant;

/** Whether documents of a domain for an employer go to a space's inbox, and since when ({@code null} if not). */
public record EDeliveryStatus(String employer, Domain domain, boolean active, Instant since) {
}
