package lu.ccss.guichet.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Durations by name (an endpoint, an event hop), recorded from many threads; percentiles by nearest rank. */
public final class Latencies {

    private final Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();

    public void record(String name, Duration duration) {
        recordNanos(name, duration.toNanos());
    }

    public void recordNanos(String name, long nanos) {
        samples.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add(nanos);
    }

    public void clear() {
        samples.clear();
    }

    /** Every name with its summary, sorted by name. */
    public Map<String, Summary> summaries() {
        Map<String, Summary> out = new TreeMap<>();
        samples.forEach((name, values) -> out.put(name, Summary.of(new ArrayList<>(values))));
        return out;
    }

    /** Count, percentiles and maximum of one name, in milliseconds. */
    public record Summary(int count, double p50, double p95, double p99, double max) {
        static Summary of(List<Long> nanos) {
            Collections.sort(nanos);
            return new Summary(nanos.size(), millis(rank(nanos, 50)), millis(rank(nanos, 95)), millis(rank(nanos, 99)),
                    millis(nanos.get(nanos.size() - 1)));
        }

        private static long rank(List<Long> sorted, int percentile) {
            int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        private static double millis(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
