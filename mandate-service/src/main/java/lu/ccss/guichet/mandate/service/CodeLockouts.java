package lu.ccss.guichet.mandate.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Access codes locked after too many failed attempts, on {@code /q/metrics} as {@code guichet_codes_locked_total}
 * (registered at start, so it reads 0 until the first lock). The chart's dashboard shows its rate: a burst means
 * someone is guessing codes.
 */
@Startup
@ApplicationScoped
public class CodeLockouts {

    private final Counter locked;

    public CodeLockouts(MeterRegistry registry) {
        locked = Counter.builder("guichet.codes.locked")
                .description("Access codes locked after too many failed attempts").register(registry);
    }

    void codeLocked() {
        locked.increment();
    }
}
