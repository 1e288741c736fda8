package lu.ccss.guichet.mailing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.mailing.service.EDeliveryProjection;
import lu.ccss.guichet.platform.inbound.EventHandlers;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Where eDelivery is on, which decides how documents travel: from a domain's first use ({@code DomainFirstUsed}, read
 * in the same hop as the edelivery-service reads it) and from the edelivery-service's {@code EDeliveryActivated};
 * {@code EDeliveryStopped} switches it off.
 */
@ApplicationScoped
public class EDeliveryProjectionConsumer {

    public static final String USAGE_CHANNEL = "space-usage-events";
    public static final String ACTIVATION_CHANNEL = "edelivery-events";

    private final ProcessedEvents processedEvents;
    private final EventHandlers usageHandlers;
    private final EventHandlers activationHandlers;

    public EDeliveryProjectionConsumer(ProcessedEvents processedEvents, EDeliveryProjection projection) {
        this.processedEvents = processedEvents;
        this.usageHandlers = EventHandlers.create().on(EventTypes.DOMAIN_FIRST_USED, projection::onDomainFirstUsed);
        this.activationHandlers = EventHandlers.create().on(EventTypes.EDELIVERY_ACTIVATED, projection::onActivated)
                .on(EventTypes.EDELIVERY_STOPPED, projection::onStopped);
    }

    @Incoming(USAGE_CHANNEL)
    @Blocking(ordered = true)
    public void onSpaceEvent(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(USAGE_CHANNEL, record, usageHandlers);
    }

    @Incoming(ACTIVATION_CHANNEL)
    @Blocking(ordered = true)
    public void onEDeliveryEvent(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(ACTIVATION_CHANNEL, record, activationHandlers);
    }
}
