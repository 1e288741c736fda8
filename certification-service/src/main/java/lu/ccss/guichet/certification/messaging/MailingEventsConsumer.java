package lu.ccss.guichet.certification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.service.ExternalEvents;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The mailing-service's events: the letters of a request that were posted. */
@ApplicationScoped
public class MailingEventsConsumer {

    public static final String CHANNEL = "mailing-events";

    private final Inbox inbox;
    private final ExternalEvents events;

    public MailingEventsConsumer(Inbox inbox, ExternalEvents events) {
        this.inbox = inbox;
        this.events = events;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, events.mailingHandlers());
    }
}
