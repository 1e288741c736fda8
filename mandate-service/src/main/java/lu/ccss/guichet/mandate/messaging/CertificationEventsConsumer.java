package lu.ccss.guichet.mandate.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.mandate.service.CodeIssuer;
import lu.ccss.guichet.platform.inbox.EventHandlers;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** RequestTransmitted from the certification-service: issue the request's codes (once). */
@ApplicationScoped
public class CertificationEventsConsumer {

    public static final String CHANNEL = "certification-events";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public CertificationEventsConsumer(Inbox inbox, CodeIssuer issuer) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create().on(EventTypes.REQUEST_TRANSMITTED, issuer::onRequestTransmitted);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, handlers);
    }
}
