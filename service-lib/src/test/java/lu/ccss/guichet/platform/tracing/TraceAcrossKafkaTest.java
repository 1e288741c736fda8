package lu.ccss.guichet.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.platform.outbox.NoteService;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static lu.ccss.guichet.testing.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The trace of the request that changed the state goes across Kafka: the outbox row keeps its traceparent, the relay
 * publishes the record in a child span whose traceparent the record carries, and the consumer's handling is a child
 * of that span, in the same trace.
 */
@QuarkusTest
class TraceAcrossKafkaTest {

    @Inject
    Tracer tracer;

    @Inject
    NoteService notes;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRequestsTraceContinuesThroughTheOutboxRelayAndTheConsumer() {
        Span request = tracer.spanBuilder("POST /api/notes").setSpanKind(SpanKind.SERVER).startSpan();
        UUID eventId;
        try (Scope ignored = request.makeCurrent()) {
            eventId = notes.add("traced-" + UUID.randomUUID(), "a traced note");
        } finally {
            request.end();
        }
        SpanContext requestSpan = request.getSpanContext();
        assertTrue(requestSpan.isValid(), "tracing is on in this test application");
        String traceId = requestSpan.getTraceId();

        // 1. The outbox row keeps the request's trace context.
        assertEquals(1, count("select count(*) from outbox_event where event_id = '" + eventId + "' and trace_parent = '"
                + TraceParent.of(requestSpan) + "'"));

        // 2. The record carries a traceparent of the same trace, from the relay's publish span.
        ConsumerRecord<String, String> record = TopicReader.await(NoteService.NOTE_ADDED.topic(),
                r -> eventId.toString().equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(30)).get(0);
        String sent = TopicReader.header(record, TraceParent.HEADER);
        SpanContext publishSpan = Span.fromContext(TraceParent.context(sent)).getSpanContext();
        assertEquals(traceId, publishSpan.getTraceId(), "the record's traceparent " + sent);
        assertNotEquals(requestSpan.getSpanId(), publishSpan.getSpanId(), "the relay's own span, a child");

        // 3. The consumer handled it inside the same trace, under the publish span.
        String whileHandling = await(() -> Optional.ofNullable(TracedEventsConsumer.TRACE_WHILE_HANDLING.get(eventId.toString())));
        SpanContext processSpan = Span.fromContext(TraceParent.context(whileHandling)).getSpanContext();
        assertEquals(traceId, processSpan.getTraceId(), "the handler ran in " + whileHandling);

        // 4. The exported spans: request <- publish <- process, one trace.
        List<SpanData> exported = await(() -> {
            List<SpanData> inTrace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            return inTrace.stream().anyMatch(s -> s.getSpanId().equals(processSpan.getSpanId())) ? Optional.of(inTrace) : Optional.empty();
        });
        SpanData publish = only(exported, publishSpan.getSpanId());
        SpanData process = only(exported, processSpan.getSpanId());
        assertEquals(SpanKind.PRODUCER, publish.getKind());
        assertEquals(requestSpan.getSpanId(), publish.getParentSpanId());
        assertEquals("publish " + NoteService.NOTE_ADDED.topic(), publish.getName());
        assertEquals(SpanKind.CONSUMER, process.getKind());
        assertEquals(publishSpan.getSpanId(), process.getParentSpanId());
        assertEquals("process " + NoteService.NOTE_ADDED.topic(), process.getName());
    }

    @Test
    void withoutATraceNoHeaderIsInvented() {
        UUID eventId = notes.add("untraced-" + UUID.randomUUID(), "an untraced note");
        assertEquals(1, count("select count(*) from outbox_event where event_id = '" + eventId + "' and trace_parent is null"));
        ConsumerRecord<String, String> record = TopicReader.await(NoteService.NOTE_ADDED.topic(),
                r -> eventId.toString().equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(30)).get(0);
        assertEquals(null, TopicReader.header(record, TraceParent.HEADER));
    }

    private static SpanData only(List<SpanData> spans, String spanId) {
        return spans.stream().filter(s -> s.getSpanId().equals(spanId)).findFirst()
                .orElseThrow(() -> new AssertionError("span " + spanId + " not exported: " + spans));
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("not within 30 s");
        return null;
    }
}
