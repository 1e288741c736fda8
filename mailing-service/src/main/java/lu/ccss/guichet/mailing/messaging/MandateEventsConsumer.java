package lu.ccss.guichet.mailing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.mailing.service.CodeLetterService;
import lu.ccss.guichet.platform.inbox.EventHandlers;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Code letters from the mandate-service's CodesIssued; its other events are not the mailing-service's concern. */
@ApplicationScoped
public class MandateEventsConsumer {

    public static final String CHANNEL = "mandate-events";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public MandateEventsConsumer(Inbox inbox, CodeLetterService codeLetters) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create().on(EventTypes.CODES_ISSUED, codeLetters::onCodesIssued);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, handlers);
    }
}
