package lu.ccss.guichet.platform.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The idempotent receiving side: the event id is recorded in the handler's own transaction, so an event delivered
 * twice has one effect, and a handler that fails leaves no trace (its exception sends the record to the dead-letter
 * topic configured on the channel). Each record that fails is counted in {@code guichet_events_dead_lettered_total}
 * (tags: consumer, reason) for the alert of docs/security.md, "Stale access".
 */
@ApplicationScoped
public class ProcessedEvents {

    /** The metric an alert watches: any increase means a record was not applied and waits for an operator. */
    public static final String DEAD_LETTERED = "guichet.events.dead.lettered";

    private final HandledOnce once;
    private final MeterRegistry metrics;

    public ProcessedEvents(HandledOnce once, MeterRegistry metrics) {
        this.once = once;
        this.metrics = metrics;
    }

    /**
     * Handles a record once for {@code consumer}; returns false if it was a duplicate (or a type with no handler).
     * A record that does not come from its topic's owner, or whose type does not belong on its topic, is refused
     * ({@link EventOrigins}) before anything else: it goes to the dead-letter topic and changes nothing.
     */
    public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        try {
            return once.handle(consumer, record, handlers);
        } catch (RuntimeException e) {
            metrics.counter(DEAD_LETTERED, "consumer", consumer, "reason", e.getClass().getSimpleName()).increment();
            throw e;
        }
    }
}
