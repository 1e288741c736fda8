package lu.ccss.guichet.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The services' trace collector in a system test or the benchmark: an OTLP/HTTP receiver ({@code POST /v1/traces},
 * protobuf) in this JVM that keeps every span it is sent in memory, as an in-memory exporter would in one service.
 */
public final class TraceReceiver implements AutoCloseable {

    /** One received span; ids in lower-case hex, the parent empty for a root. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
                        Map<String, String> attributes, List<Link> links, long startNanos, long endNanos) {

        /** Nanoseconds since the epoch, the exporting service's clock (all on this machine: one clock). */
        public long durationNanos() {
            return endNanos - startNanos;
        }

        public String attribute(String key) {
            return attributes.get(key);
        }

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + spanId + " <- " + parentSpanId;
        }
    }

    public record Link(String traceId, String spanId) {
    }

    private final HttpServer server;
    private final Queue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

    private TraceReceiver(HttpServer server) {
        this.server = server;
    }

    public static TraceReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TraceReceiver receiver = new TraceReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the services' {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set to. */
    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Every span of one trace received so far. */
    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream body = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                keep(ExportTraceServiceRequest.parseFrom(body));
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = strings(resource.getResource().getAttributesList()).get("service.name");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span s : scope.getSpansList()) {
                    spans.add(new ReceivedSpan(service, hex.formatHex(s.getTraceId().toByteArray()),
                            hex.formatHex(s.getSpanId().toByteArray()), hex.formatHex(s.getParentSpanId().toByteArray()),
                            s.getName(), s.getKind().name().replace("SPAN_KIND_", ""), strings(s.getAttributesList()),
                            s.getLinksList().stream().map(l -> new Link(hex.formatHex(l.getTraceId().toByteArray()),
                                    hex.formatHex(l.getSpanId().toByteArray()))).toList(),
                            s.getStartTimeUnixNano(), s.getEndTimeUnixNano()));
                }
            }
        }
    }

    /** The string-valued attributes (the only ones the test reads). */
    private static Map<String, String> strings(List<KeyValue> attributes) {
        return attributes.stream().filter(a -> a.getValue().hasStringValue())
                .collect(Collectors.toMap(KeyValue::getKey, a -> a.getValue().getStringValue(), (a, b) -> b));
    }

    /**
     * The environment a service needs to export its spans here: written to {@code services.env} in a launcher data
     * directory, it switches tracing on in every service the launcher starts.
     */
    public String servicesEnvironment() {
        return String.join("\n", "OTEL_SDK_DISABLED=false", "OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf", "QUARKUS_OTEL_BSP_SCHEDULE_DELAY=200ms", "");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
