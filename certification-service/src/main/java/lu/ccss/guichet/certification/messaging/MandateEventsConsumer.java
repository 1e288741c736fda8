package lu.ccss.guichet.certification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.service.ExternalEvents;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The mandate-service's events: agent mandates, codes issued, domains certified. */
@ApplicationScoped
public class MandateEventsConsumer {

    public static final String CHANNEL = "mandate-events";

    private final Inbox inbox;
    private final ExternalEvents events;

    public MandateEventsConsumer(Inbox inbox, ExternalEvents events) {
        this.inbox = inbox;
        this.events = events;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, events.mandateHandlers());
    }
}
