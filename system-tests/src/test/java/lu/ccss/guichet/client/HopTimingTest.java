package lu.ccss.guichet.client;

import lu.ccss.guichet.client.TraceReceiver.ReceivedSpan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HopTimingTest {

    private static final long MS = 1_000_000;

    @Test
    void aHopIsSplitAtTheEndsOfTheWritingPublishAndConsumerSpans() {
        ReceivedSpan request = span("certification-service", "a", "", "SERVER", null, 0, 40 * MS);
        ReceivedSpan publish = span("certification-service", "b", "a", "PRODUCER", null, 42 * MS, 47 * MS);
        ReceivedSpan consumer = span("mandate-service", "c", "b", "CONSUMER", "lu.ccss.guichet.certification.RequestTransmitted.v3",
                49 * MS, 79 * MS);
        ReceivedSpan unrelated = span("mandate-service", "d", "", "SERVER", null, 50 * MS, 51 * MS);
        ReceivedSpan orphan = span("mailing-service", "e", "missing", "CONSUMER", "lu.ccss.guichet.CodesIssued",
                60 * MS, 61 * MS);

        List<HopTiming> hops = HopTiming.all(List.of(consumer, unrelated, orphan, publish, request));

        assertEquals(List.of(new HopTiming("RequestTransmitted → mandate-service", 2 * MS, 5 * MS, 2 * MS, 30 * MS,
                39 * MS)), hops);
    }

    private static ReceivedSpan span(String service, String id, String parent, String kind, String eventType,
                                     long start, long end) {
        return new ReceivedSpan(service, "t", id, parent, kind.toLowerCase(), kind,
                eventType == null ? Map.of() : Map.of("cloudevents.event_type", eventType), List.of(), start, end);
    }
}
