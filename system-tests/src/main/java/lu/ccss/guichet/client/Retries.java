package lu.ccss.guichet.client;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * How a client behaves when the platform fails under it, as front ends and domain systems are told to: a connection
 * error or a 5xx answer is tried again, with the same {@code Idempotency-Key} for a {@code POST}, after a pause that
 * grows to {@link #MAX_PAUSE}, until {@code budget} has passed. {@link #none()} is the plain client of the journey.
 */
public final class Retries {

    static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);

    private final Duration budget;
    private final LongAdder retried = new LongAdder();

    private Retries(Duration budget) {
        this.budget = budget;
    }

    public static Retries none() {
        return new Retries(Duration.ZERO);
    }

    public static Retries upTo(Duration budget) {
        return new Retries(budget);
    }

    public boolean enabled() {
        return !budget.isZero();
    }

    public Duration budget() {
        return budget;
    }

    /** How many calls were sent again so far. */
    public long retried() {
        return retried.sum();
    }

    void count() {
        retried.increment();
    }

    static boolean worthRetrying(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }
}
