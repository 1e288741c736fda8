package lu.ccss.guichet.edelivery.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.edelivery.service.InboxService;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.inbound.EventHandlers;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes {@code DocumentForInbox} from the private topic {@code guichet.mailing.inbox-documents} (only this service may
 * read it) into the inbox; a refused one is dead-lettered.
 */
@ApplicationScoped
public class RoutedDocumentConsumer {

    public static final String CHANNEL = "inbox-documents";

    private final ProcessedEvents processedEvents;
    private final EventHandlers handlers;

    public RoutedDocumentConsumer(ProcessedEvents processedEvents, InboxService documents) {
        this.processedEvents = processedEvents;
        this.handlers = EventHandlers.create().on(EventTypes.DOCUMENT_FOR_INBOX, documents::receive);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onInboxDocument(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(CHANNEL, record, handlers);
    }
}
