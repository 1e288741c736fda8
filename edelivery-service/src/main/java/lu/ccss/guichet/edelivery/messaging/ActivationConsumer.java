package lu.ccss.guichet.edelivery.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.edelivery.service.ActivationService;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.inbound.EventHandlers;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code DomainFirstUsed} from {@code guichet.space.events}. The membership projection already reads that topic
 * on channel {@code space-events}; this channel has its own consumer group so that it, too, receives every record.
 */
@ApplicationScoped
public class ActivationConsumer {

    public static final String CHANNEL = "space-usage-events";

    private final ProcessedEvents processedEvents;
    private final EventHandlers handlers;

    public ActivationConsumer(ProcessedEvents processedEvents, ActivationService activations) {
        this.processedEvents = processedEvents;
        this.handlers = EventHandlers.create().on(EventTypes.DOMAIN_FIRST_USED, activations::onDomainFirstUsed);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onSpaceEvent(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(CHANNEL, record, handlers);
    }
}
