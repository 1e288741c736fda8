package lu.ccss.guichet.certification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.service.TimelineUpdates;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The later life of a transmitted request, for its timeline: the mandate-service's and mailing-service's events. */
@ApplicationScoped
public class TimelineConsumer {

    public static final String MANDATE_CHANNEL = "mandate-events";
    public static final String MAILING_CHANNEL = "mailing-events";

    private final ProcessedEvents processedEvents;
    private final TimelineUpdates updates;

    public TimelineConsumer(ProcessedEvents processedEvents, TimelineUpdates updates) {
        this.processedEvents = processedEvents;
        this.updates = updates;
    }

    @Incoming(MANDATE_CHANNEL)
    @Blocking(ordered = true)
    public void onMandateEvent(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(MANDATE_CHANNEL, record, updates.mandateHandlers());
    }

    @Incoming(MAILING_CHANNEL)
    @Blocking(ordered = true)
    public void onMailingEvent(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(MAILING_CHANNEL, record, updates.mailingHandlers());
    }
}
