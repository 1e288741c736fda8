package lu.ccss.guichet.mandate.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.mandate.config.CodesConfig;
import lu.ccss.guichet.mandate.domain.RedemptionFailure;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.repository.RedemptionFailureRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Slows down a person, or a space, that fails too often with codes: after {@code max-failures} failures within
 * {@code window}, further attempts are refused until the oldest of them leaves the window. Failures are rows in the
 * database, so the limit holds across instances; a person's attempts are serialised so parallel requests cannot
 * slip past it.
 */
@ApplicationScoped
public class AttemptLimiter {

    private static final Duration KEPT = Duration.ofDays(1);

    private final RedemptionFailureRepository failures;
    private final int maxFailures;
    private final Duration window;

    public AttemptLimiter(RedemptionFailureRepository failures, CodesConfig config) {
        this.failures = failures;
        this.maxFailures = config.rateLimit().maxFailures();
        this.window = config.rateLimit().window();
    }

    /** Takes the person's (and space's) attempt lock; the wait before the next attempt is allowed, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Duration> waitBeforeAttempt(String userId, UUID spaceId, Instant now) {
        failures.lockAttemptsOf(userId, spaceId);
        Instant since = now.minus(window);
        Optional<Duration> wait = waitFor(failures.failuresOfUser(userId, since), now);
        if (wait.isEmpty() && spaceId != null) {
            wait = waitFor(failures.failuresOfSpace(spaceId, since), now);
        }
        return wait;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFailure(String userId, UUID spaceId, Instant now) {
        failures.persist(RedemptionFailure.of(userId, spaceId, now));
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void pruneOldFailures() {
        failures.pruneBefore(Times.now().minus(KEPT.compareTo(window) > 0 ? KEPT : window));
    }

    private Optional<Duration> waitFor(List<Instant> recent, Instant now) {
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        Instant oldestCounted = recent.get(recent.size() - maxFailures);
        Duration wait = Duration.between(now, oldestCounted.plus(window));
        return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait);
    }
}
