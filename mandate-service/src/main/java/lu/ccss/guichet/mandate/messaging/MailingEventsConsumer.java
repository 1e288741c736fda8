package lu.ccss.guichet.mandate.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.mandate.service.LetterTracker;
import lu.ccss.guichet.platform.inbox.EventHandlers;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** LetterPosted and LetterReturned from the mailing-service: a code letter's codes become usable, or void. */
@ApplicationScoped
public class MailingEventsConsumer {

    public static final String CHANNEL = "mailing-events";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public MailingEventsConsumer(Inbox inbox, LetterTracker letters) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(EventTypes.LETTER_POSTED, letters::onLetterPosted)
                .on(EventTypes.LETTER_RETURNED, letters::onLetterReturned);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, handlers);
    }
}
