package lu.ccss.guichet.mailing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.mailing.service.EDeliveryProjection;
import lu.ccss.guichet.platform.inbox.EventHandlers;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Where eDelivery is on, from the edelivery-service's EDeliveryActivated: decides how documents travel. */
@ApplicationScoped
public class EDeliveryEventsConsumer {

    public static final String CHANNEL = "edelivery-events";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public EDeliveryEventsConsumer(Inbox inbox, EDeliveryProjection projection) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create().on(EventTypes.EDELIVERY_ACTIVATED, projection::onActivated);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, handlers);
    }
}
