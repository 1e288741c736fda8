package lu.ccss.guichet.platform.outbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Skips a scheduled run until the application has started, so that the relay is not created (with its messaging
 * channel) while reactive messaging is still being wired.
 */
@Singleton
public class AfterStartup implements Scheduled.SkipPredicate {

    private volatile boolean started;

    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        started = true;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !started;
    }
}
