package lu.ccss.guichet.events;

import java.time.Instant;
import java.util.UUID;

/** Events published by the edelivery-service on {@link Topics#EDELIVERY}. */
public final class EDeliveryEvents {

    /** eDelivery is now on for a space, employer and domain; keyed by space id. */
    public record EDeliveryActivated(UUID spaceId, String employer, Domain domain, Instant activatedAt) {
    }

    /** A person read (downloaded) an inbox document for the first time; keyed by document id. */
    public record DocumentRead(UUID documentId, UUID spaceId, String employer, Domain domain, String readBy,
                               Instant readAt) {
    }

    private EDeliveryEvents() {
    }
}
