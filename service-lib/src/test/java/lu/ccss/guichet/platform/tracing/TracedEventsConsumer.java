package lu.ccss.guichet.platform.tracing;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.inbound.EventHandlers;
import lu.ccss.guichet.platform.inbound.InboundEvent;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import lu.ccss.guichet.platform.outbox.NoteService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer of the test application's own events (the relay's topic): remembers, per event id, the traceparent
 * current while its handler ran, i.e. the trace the handler's changes and events belong to.
 */
@ApplicationScoped
public class TracedEventsConsumer {

    static final Map<String, String> TRACE_WHILE_HANDLING = new ConcurrentHashMap<>();

    private final ProcessedEvents processedEvents;

    public TracedEventsConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Incoming("traced-in")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        String eventId = InboundEvent.from(record).id();
        processedEvents.handleOnce("traced-in", record, EventHandlers.create().on(NoteService.NOTE_ADDED,
                note -> TRACE_WHILE_HANDLING.put(eventId, String.valueOf(TraceParent.current()))));
    }
}
