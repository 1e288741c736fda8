package lu.ccss.guichet.platform.inbound;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Slow notes ("slow:N", 100 ms each) as the consumer handled them: per aggregate in order, and the most at once. */
final class SlowNotes {

    private final Map<UUID, List<Integer>> handled = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    void handle(UUID aggregate, String text) {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
        handled.computeIfAbsent(aggregate, a -> new CopyOnWriteArrayList<>())
                .add(Integer.parseInt(text.substring("slow:".length())));
    }

    List<Integer> of(UUID aggregate) {
        return handled.getOrDefault(aggregate, List.of());
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }
}
