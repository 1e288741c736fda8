package lu.ccss.guichet.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.tracing.TraceParent;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode: {@code ce_*} headers), keyed by aggregate id, in commit
 * order; {@code ce_dataschema} is the {@code $id} of the type's published JSON Schema. A row is marked published only after the broker acknowledged it ({@code acks=all}); a row whose send failed
 * stays pending and is retried. Delivery is at least once: subscribers deduplicate on {@code ce_id}.
 * One relay at a time per database holds a PostgreSQL advisory lock, so replicas never reorder an aggregate's events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6775696368657431L;

    private final Emitter<String> emitter;
    private final EntityManager entityManager;
    private final URI source;
    private final int batchSize;
    private final Duration ackTimeout;
    private final AtomicInteger wakeups = new AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private volatile boolean running = true;

    private final Tracer tracer;

    public OutboxRelay(@Channel("outbox") Emitter<String> emitter, EntityManager entityManager, OutboxConfig config,
                       Tracer tracer) {
        this.emitter = emitter;
        this.tracer = tracer;
        this.entityManager = entityManager;
        this.source = URI.create(config.source());
        this.batchSize = config.batchSize();
        this.ackTimeout = config.ackTimeout();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        worker.shutdown();
        try {
            worker.awaitTermination(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The safety net: rows left by a crash or a restart, or whose send failed, are published by this poll. Its first
     * run waits until the application has started (messaging wired).
     */
    @Scheduled(every = "${guichet.outbox.poll-interval}", skipExecutionIf = AfterStartup.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Asks the relay to publish what is pending; returns at once. */
    public void wake() {
        if (running && wakeups.getAndIncrement() == 0) {
            worker.execute(this::drainWhileWoken);
        }
    }

    private void drainWhileWoken() {
        int seen;
        do {
            seen = wakeups.get();
            try {
                while (running && publishBatch() == batchSize) {
                    // a full batch: there may be more
                }
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay could not publish, will retry: %s", e.toString());
            }
        } while (wakeups.addAndGet(-seen) > 0);
    }

    /** Publishes one batch in commit order; returns how many rows it found pending. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<OutboxEvent> pending = entityManager.createNativeQuery(
                            "select * from outbox_event where published_at is null order by seq limit ?1 "
                                    + "for update skip locked", OutboxEvent.class)
                    .setParameter(1, batchSize).getResultList();
            List<CompletableFuture<Void>> acks = new ArrayList<>(pending.size());
            for (OutboxEvent event : pending) {
                acks.add(send(event));
            }
            markAcknowledgedPrefix(pending, acks);
            return pending.size();
        });
    }

    private void markAcknowledgedPrefix(List<OutboxEvent> pending, List<CompletableFuture<Void>> acks) {
        Instant now = Instant.now();
        for (int i = 0; i < pending.size(); i++) {
            OutboxEvent event = pending.get(i);
            try {
                acks.get(i).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                event.publishedAt = now;
                event.attempts++;
            } catch (Exception e) {
                // Later rows stay pending too, so that one aggregate's events are never published out of order.
                event.attempts++;
                event.lastError = String.valueOf(e.getCause() != null ? e.getCause() : e);
                LOG.warnf("Event %s not acknowledged by Kafka (%s); it stays pending", event.eventId, event.lastError);
                return;
            }
        }
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        // The trace of the request that wrote the row goes on: a publish span, child of that request's span, whose
        // traceparent the record carries (the consumer continues from it). Without a stored context, no header.
        Span publish = event.traceParent == null ? Span.getInvalid() : tracer.spanBuilder("publish " + event.topic)
                .setParent(TraceParent.context(event.traceParent))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic)
                .setAttribute("messaging.message.id", event.eventId.toString())
                .setAttribute("cloudevents.event_type", event.eventType)
                .startSpan();
        RecordHeaders headers = new RecordHeaders();
        String traceParent = publish.getSpanContext().isValid() ? TraceParent.of(publish.getSpanContext()) : event.traceParent;
        if (traceParent != null) {
            headers.add(TraceParent.HEADER, traceParent.getBytes(StandardCharsets.US_ASCII));
        }
        acknowledged.whenComplete((ok, failure) -> {
            if (failure != null) {
                publish.setStatus(StatusCode.ERROR, String.valueOf(failure));
            }
            publish.end();
        });
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateId)
                .withTopic(event.topic)
                .withHeaders(headers)
                .build();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withDataSchema(EventTypes.byType(event.eventType).map(t -> URI.create(t.schemaId())).orElse(null))
                .withId(event.eventId.toString())
                .withType(event.eventType)
                .withSource(source)
                .withSubject(event.aggregateId)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        Message<String> message = Message.of(event.payload, Metadata.of(kafka, cloudEvent))
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }
}
