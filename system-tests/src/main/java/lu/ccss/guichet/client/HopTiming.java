package lu.ccss.guichet.client;

import lu.ccss.guichet.client.TraceReceiver.ReceivedSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where one event hop's time went, from the services' own spans (one machine, one clock): from the end of the span
 * that wrote the event to the start of its publish span (the outbox relay woken by the commit), the publish span
 * (the send until the broker's {@code acks=all}), from its end to the start of the consumer's span (the consumer's
 * fetch: with the publish, what the broker's produce → consume floor measures), and the consumer's span (the handling
 * and its commit). All in nanoseconds.
 *
 * @param hop the event type and the service that handled it, e.g. {@code CodesIssued → mailing-service}
 */
public record HopTiming(String hop, long relayWoken, long publish, long pickUp, long handling, long total) {

    /** Every hop among {@code spans}: each consumer span whose parent is a publish span whose parent was exported. */
    public static List<HopTiming> all(List<ReceivedSpan> spans) {
        Map<String, ReceivedSpan> byId = spans.stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
        List<HopTiming> hops = new ArrayList<>();
        for (ReceivedSpan consumer : spans) {
            ReceivedSpan publish = "CONSUMER".equals(consumer.kind()) ? byId.get(consumer.parentSpanId()) : null;
            ReceivedSpan writing = publish != null && "PRODUCER".equals(publish.kind())
                    ? byId.get(publish.parentSpanId()) : null;
            if (writing != null) {
                hops.add(of(writing, publish, consumer));
            }
        }
        return hops;
    }

    public static HopTiming of(ReceivedSpan writing, ReceivedSpan publish, ReceivedSpan consumer) {
        String type = String.valueOf(consumer.attribute("cloudevents.event_type")).replaceFirst("\\.v[0-9]+$", "");
        return new HopTiming(type.substring(type.lastIndexOf('.') + 1) + " → " + consumer.service(),
                publish.startNanos() - writing.endNanos(), publish.durationNanos(),
                consumer.startNanos() - publish.endNanos(), consumer.durationNanos(),
                consumer.endNanos() - writing.endNanos());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.1f ms in all — relay woken %.1f ms after the writing span ended, "
                        + "publish %.1f ms, consumer started %.1f ms after the ack, handling %.1f ms", hop, ms(total),
                ms(relayWoken), ms(publish), ms(pickUp), ms(handling));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
