package lu.ccss.guichet.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.Map;

/**
 * The W3C trace context as one {@code traceparent} string: what the outbox stores with an event and the relay sends
 * as the record's {@code traceparent} header, and what a consumer continues from.
 */
public final class TraceParent {

    /** The Kafka header (and W3C field) name. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The current span's traceparent, or null when there is none (tracing off, or no request). */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** A span context's traceparent, or null when it is not valid. */
    public static String of(SpanContext span) {
        if (span == null || !span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The context a traceparent stands for (as a remote parent); the root context if it is null or malformed. */
    public static Context context(String traceParent) {
        if (traceParent == null || traceParent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceParent), GETTER);
    }

    /** The span a traceparent names (remote); an invalid one if it is null or malformed. */
    public static SpanContext spanContext(String traceParent) {
        return Span.fromContext(context(traceParent)).getSpanContext();
    }

    /** Whether this string is a well-formed traceparent of a valid span. */
    public static boolean isValid(String traceParent) {
        return spanContext(traceParent).isValid();
    }
}
