package lu.ccss.guichet.mandate.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.mandate.service.CodeIssuer;
import lu.ccss.guichet.platform.inbound.EventHandlers;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** RequestTransmitted from the certification-service: issue the request's codes (once). */
@ApplicationScoped
public class TransmittedRequestConsumer {

    public static final String CHANNEL = "certification-events";

    private final ProcessedEvents processedEvents;
    private final EventHandlers handlers;

    public TransmittedRequestConsumer(ProcessedEvents processedEvents, CodeIssuer issuer) {
        this.processedEvents = processedEvents;
        this.handlers = EventHandlers.create().on(EventTypes.REQUEST_TRANSMITTED, issuer::onRequestTransmitted);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(CHANNEL, record, handlers);
    }
}
