package lu.ccss.guichet.client;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting for what happens asynchronously (an event travelling between services): ask again and again, a little
 * less often each time, until the answer is there or the time is up. Never a fixed sleep.
 */
public final class Poll {

    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 250;

    private Poll() {
    }

    /**
     * The first non-empty answer of {@code probe}. On timeout, fails with {@code what} and the last thing seen
     * (the probe's {@link Attempt#seen}).
     */
    public static <T> T until(String what, Duration timeout, Supplier<Attempt<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        String lastSeen = "nothing";
        while (true) {
            Attempt<T> attempt = probe.get();
            if (attempt.value().isPresent()) {
                return attempt.value().get();
            }
            lastSeen = attempt.seen();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + "; last seen: "
                        + lastSeen);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }

    /** One look: the value if it is there, else what was seen instead (for the failure message). */
    public record Attempt<T>(Optional<T> value, String seen) {
        public static <T> Attempt<T> done(T value) {
            return new Attempt<>(Optional.of(value), null);
        }

        public static <T> Attempt<T> notYet(Object seen) {
            return new Attempt<>(Optional.empty(), String.valueOf(seen));
        }
    }
}
