package lu.ccss.guichet.mandate.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.mandate.service.LetterTracker;
import lu.ccss.guichet.platform.inbound.EventHandlers;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** LetterPosted and LetterReturned from the mailing-service: a code letter's codes become usable, or void. */
@ApplicationScoped
public class LetterTrackerConsumer {

    public static final String CHANNEL = "mailing-events";

    private final ProcessedEvents processedEvents;
    private final EventHandlers handlers;

    public LetterTrackerConsumer(ProcessedEvents processedEvents, LetterTracker letters) {
        this.processedEvents = processedEvents;
        this.handlers = EventHandlers.create()
                .on(EventTypes.LETTER_POSTED, letters::onLetterPosted)
                .on(EventTypes.LETTER_RETURNED, letters::onLetterReturned);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(CHANNEL, record, handlers);
    }
}
