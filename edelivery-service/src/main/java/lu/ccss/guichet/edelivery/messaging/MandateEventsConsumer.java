package lu.ccss.guichet.edelivery.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.edelivery.repository.CertificationRepository;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.inbox.EventHandlers;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the projection of certifications from {@code guichet.mandate.events}. */
@ApplicationScoped
public class MandateEventsConsumer {

    public static final String CHANNEL = "mandate-events";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public MandateEventsConsumer(Inbox inbox, CertificationRepository certifications) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(EventTypes.CERTIFICATION_GRANTED, certifications::granted)
                .on(EventTypes.MANDATE_REVOKED, certifications::revoked);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onMandateEvent(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, handlers);
    }
}
