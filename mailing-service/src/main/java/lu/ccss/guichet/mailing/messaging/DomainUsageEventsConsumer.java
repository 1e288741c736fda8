package lu.ccss.guichet.mailing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.mailing.service.EDeliveryProjection;
import lu.ccss.guichet.platform.inbox.EventHandlers;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code DomainFirstUsed} from {@code guichet.space.events}: eDelivery is on from the first use. The membership
 * projection already reads that topic on channel {@code space-events}; this channel has its own consumer group so
 * that it, too, receives every record.
 */
@ApplicationScoped
public class DomainUsageEventsConsumer {

    public static final String CHANNEL = "space-usage-events";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public DomainUsageEventsConsumer(Inbox inbox, EDeliveryProjection projection) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create().on(EventTypes.DOMAIN_FIRST_USED, projection::onDomainFirstUsed);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, handlers);
    }
}
