package lu.ccss.guichet.edelivery.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.edelivery.service.ActivationService;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.inbox.EventHandlers;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code DomainFirstUsed} from {@code guichet.space.events}. The membership projection already reads that topic
 * on channel {@code space-events}; this channel has its own consumer group so that it, too, receives every record.
 */
@ApplicationScoped
public class DomainUsageEventsConsumer {

    public static final String CHANNEL = "space-usage-events";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public DomainUsageEventsConsumer(Inbox inbox, ActivationService activations) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create().on(EventTypes.DOMAIN_FIRST_USED, activations::onDomainFirstUsed);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onSpaceEvent(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, handlers);
    }
}
