package lu.ccss.guichet.mailing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.mailing.service.CodeLetterService;
import lu.ccss.guichet.mailing.service.HolderNoticeService;
import lu.ccss.guichet.platform.inbound.EventHandlers;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Letters from the mandate-service's events: code letters from CodesIssued, holder notices from MandateRevoked (one
 * consumer and channel for the topic, one handler per event type); its other events are not the mailing-service's
 * concern.
 */
@ApplicationScoped
public class CodesIssuedConsumer {

    public static final String CHANNEL = "mandate-events";

    private final ProcessedEvents processedEvents;
    private final EventHandlers handlers;

    public CodesIssuedConsumer(ProcessedEvents processedEvents, CodeLetterService codeLetters,
                               HolderNoticeService holderNotices) {
        this.processedEvents = processedEvents;
        this.handlers = EventHandlers.create().on(EventTypes.CODES_ISSUED, codeLetters::onCodesIssued)
                .on(EventTypes.MANDATE_REVOKED, holderNotices::onMandateRevoked);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(CHANNEL, record, handlers);
    }
}
