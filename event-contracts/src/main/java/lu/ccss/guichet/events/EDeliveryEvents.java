package lu.ccss.guichet.events;

import java.time.Instant;
import java.util.UUID;

/** Events published by the edelivery-service on {@link Topics#EDELIVERY}. */
public final class EDeliveryEvents {

    /** eDelivery is now on for a space, employer and domain; keyed by space id. */
    public record EDeliveryActivated(UUID spaceId, String employer, Domain domain, Instant activatedAt) {
    }

    /**
     * eDelivery is off for a space, employer and domain because the space lost its mandate there ({@code reason}:
     * why the mandate ended); from now on that space neither receives nor reads the employer's documents of the
     * domain. Keyed by space id.
     */
    public record EDeliveryStopped(UUID spaceId, String employer, Domain domain, MandateEvents.RevocationReason reason,
                                   Instant stoppedAt) {
    }

    /** A person read (downloaded) an inbox document for the first time; keyed by document id. */
    public record DocumentRead(UUID documentId, UUID spaceId, String employer, Domain domain, String readBy,
                               Instant readAt) {
    }

    private EDeliveryEvents() {
    }
}
