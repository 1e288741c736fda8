package lu.ccss.guichet.platform.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.persistence.TransientFailures;
import lu.ccss.guichet.platform.tracing.TraceParent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The idempotent receiving side: the event id is recorded in the handler's own transaction, so an event delivered
 * twice has one effect, and a handler that fails leaves no trace.
 *
 * <p>A failure of the database that will pass ({@link TransientFailures}: PostgreSQL restarting, a lost connection, a
 * deadlock) is tried again in place, with a growing pause, for up to {@code guichet.inbound.transient-retry-for}: the
 * record holds its partition meanwhile, so order per key is kept and nothing is dead-lettered because the database
 * was away for a moment. Any other failure, or one that lasts longer, sends the record to the dead-letter topic
 * configured on the channel and is counted in {@code guichet_events_dead_lettered_total} (tags: consumer, reason) for
 * the alert of docs/security.md, "Stale access".
 *
 * <p>Handling is a span that continues the trace of the record's {@code traceparent} header (docs/operations.md,
 * "Traces").
 */
@ApplicationScoped
public class ProcessedEvents {

    /** The metric an alert watches: any increase means a record was not applied and waits for an operator. */
    public static final String DEAD_LETTERED = "guichet.events.dead.lettered";
    /** Tries again after a transient failure, per consumer. */
    public static final String RETRIED = "guichet.events.retried";

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final HandledOnce once;
    private final EventOrigins origins;
    private final MeterRegistry metrics;
    private final Tracer tracer;
    private final Duration retryFor;

    public ProcessedEvents(HandledOnce once, EventOrigins origins, MeterRegistry metrics, Tracer tracer,
                           @ConfigProperty(name = "guichet.inbound.transient-retry-for", defaultValue = "PT45S")
                           Duration retryFor) {
        this.once = once;
        this.origins = origins;
        this.metrics = metrics;
        this.tracer = tracer;
        this.retryFor = retryFor;
    }

    /**
     * Handles a record once for {@code consumer}; returns false if it was a duplicate (or a type with no handler).
     * A record that does not come from its topic's owner, or whose type does not belong on its topic, is refused
     * ({@link EventOrigins}) before anything else: it goes to the dead-letter topic and changes nothing.
     */
    public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        // The trace goes on from the record's traceparent (the publish span of the service that wrote the event):
        // what the handler changes and publishes belongs to the same trace.
        Span span = tracer.spanBuilder("process " + record.topic())
                .setParent(TraceParent.context(header(record, TraceParent.HEADER)))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("cloudevents.event_type", header(record, "ce_type"))
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return handleWithRetries(consumer, record, handlers);
        } catch (RuntimeException e) {
            metrics.counter(DEAD_LETTERED, "consumer", consumer, "reason", e.getClass().getSimpleName()).increment();
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Handles the records of one poll (a channel with {@code batch=true}) in their order, on the one worker thread of
     * the call, each as {@link #handleOnce} does: in its own transaction, retried in place while the database is away.
     * A record that fails is dead-lettered alone (its own nack) and the records after it go on, as with one record
     * per call; each handled record is acknowledged. One hand-over to a worker thread per poll instead of one per
     * record: under a burst the records of a partition no longer wait for a thread between each
     * (docs/performance.md).
     */
    public void handleEachOnce(String consumer, KafkaRecordBatch<String, String> batch, EventHandlers handlers) {
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, String> consumed = record.getMetadata(IncomingKafkaRecordMetadata.class)
                    .orElseThrow(() -> new IllegalStateException("A Kafka record without its metadata"))
                    .getRecord();
            try {
                handleOnce(consumer, consumed, handlers);
                record.ack();
            } catch (RuntimeException e) {
                record.nack(e);
            }
        }
    }

    private boolean handleWithRetries(String consumer, ConsumerRecord<String, String> record,
                                      EventHandlers handlers) {
        InboundEvent event = InboundEvent.from(record);
        origins.check(record.topic(), event);
        Optional<EventHandlers.Handler<?>> handler = handlers.forType(event.type());
        if (handler.isEmpty()) {
            // Nothing to apply: no transaction and no processed_event row for a type this consumer does not read.
            LOG.debugf("%s passes over event %s of type %s", consumer, event.id(), event.type());
            return false;
        }
        long giveUpAt = System.nanoTime() + retryFor.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return once.handle(consumer, event, handler.get());
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || System.nanoTime() + pause.toNanos() > giveUpAt) {
                    throw e;
                }
                metrics.counter(RETRIED, "consumer", consumer).increment();
                LOG.warnf("%s tries %s-%d@%d again in %d ms: the database failed for a moment (%s)", consumer,
                        record.topic(), record.partition(), record.offset(), pause.toMillis(),
                        e.getClass().getSimpleName());
                pauseFor(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try an event again", interrupted);
        }
    }
}
