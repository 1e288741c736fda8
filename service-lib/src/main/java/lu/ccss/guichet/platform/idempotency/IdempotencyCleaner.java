package lu.ccss.guichet.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Deletes the keys and answers older than the retention period (look-ups already ignore them). */
@ApplicationScoped
public class IdempotencyCleaner {

    private final StoredAnswers answers;

    public IdempotencyCleaner(StoredAnswers answers) {
        this.answers = answers;
    }

    @Scheduled(every = "${guichet.idempotency.cleanup-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCleanup() {
        answers.deleteExpired();
    }
}
