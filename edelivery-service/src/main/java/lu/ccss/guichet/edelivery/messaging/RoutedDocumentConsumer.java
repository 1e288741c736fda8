package lu.ccss.guichet.edelivery.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.edelivery.service.InboxService;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.inbound.EventHandlers;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes {@code DocumentRouted} from {@code guichet.mailing.events} into the inbox; a refused one is dead-lettered. */
@ApplicationScoped
public class RoutedDocumentConsumer {

    public static final String CHANNEL = "mailing-events";

    private final ProcessedEvents processedEvents;
    private final EventHandlers handlers;

    public RoutedDocumentConsumer(ProcessedEvents processedEvents, InboxService documents) {
        this.processedEvents = processedEvents;
        this.handlers = EventHandlers.create().on(EventTypes.DOCUMENT_ROUTED, documents::receive);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onMailingEvent(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(CHANNEL, record, handlers);
    }
}
