package lu.ccss.guichet.platform.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.tracing.TraceParent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/**
 * The idempotent receiving side: the event id is recorded in the handler's own transaction, so an event delivered
 * twice has one effect, and a handler that fails leaves no trace (its exception sends the record to the dead-letter
 * topic configured on the channel). Each record that fails is counted in {@code guichet_events_dead_lettered_total}
 * (tags: consumer, reason) for the alert of docs/security.md, "Stale access". Handling is a span that continues the
 * trace of the record's {@code traceparent} header (docs/operations.md, "Traces").
 */
@ApplicationScoped
public class ProcessedEvents {

    /** The metric an alert watches: any increase means a record was not applied and waits for an operator. */
    public static final String DEAD_LETTERED = "guichet.events.dead.lettered";

    private final HandledOnce once;
    private final MeterRegistry metrics;
    private final Tracer tracer;

    public ProcessedEvents(HandledOnce once, MeterRegistry metrics, Tracer tracer) {
        this.once = once;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    /**
     * Handles a record once for {@code consumer}; returns false if it was a duplicate (or a type with no handler).
     * A record that does not come from its topic's owner, or whose type does not belong on its topic, is refused
     * ({@link EventOrigins}) before anything else: it goes to the dead-letter topic and changes nothing.
     */
    public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        // The trace goes on from the record's traceparent (the publish span of the service that wrote the event):
        // what the handler changes and publishes belongs to the same trace.
        Header parent = record.headers().lastHeader(TraceParent.HEADER);
        Span span = tracer.spanBuilder("process " + record.topic())
                .setParent(TraceParent.context(parent == null ? null : new String(parent.value(), StandardCharsets.US_ASCII)))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return once.handle(consumer, record, handlers);
        } catch (RuntimeException e) {
            metrics.counter(DEAD_LETTERED, "consumer", consumer, "reason", e.getClass().getSimpleName()).increment();
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
