package lu.ccss.guichet.mailing.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Where the time of a document intake ({@code POST /api/documents}) goes: the timer {@code guichet.document.intake}
 * with one tag {@code phase} — request (the whole resource method), validation (base64 and opening the PDF), hashing
 * (SHA-256 of the PDF), transaction (routing, inserts, outbox rows and the commit; hashing, rendering and encryption
 * included), rendering and encryption (a document by post only). Two clock reads per phase: cheap enough to stay.
 */
@ApplicationScoped
public class IntakeTimers {

    public static final String TIMER = "guichet.document.intake";

    private final Timer request;
    private final Timer validation;
    private final Timer hashing;
    private final Timer transaction;
    private final Timer rendering;
    private final Timer encryption;

    public IntakeTimers(MeterRegistry registry) {
        request = timer(registry, "request");
        validation = timer(registry, "validation");
        hashing = timer(registry, "hashing");
        transaction = timer(registry, "transaction");
        rendering = timer(registry, "rendering");
        encryption = timer(registry, "encryption");
    }

    private static Timer timer(MeterRegistry registry, String phase) {
        return Timer.builder(TIMER).tag("phase", phase)
                .description("Time of a document intake (POST /api/documents), by phase").register(registry);
    }

    public <T> T request(Supplier<T> work) {
        return request.record(work);
    }

    public <T> T validation(Supplier<T> work) {
        return validation.record(work);
    }

    public <T> T hashing(Supplier<T> work) {
        return hashing.record(work);
    }

    public <T> T transaction(Supplier<T> work) {
        return transaction.record(work);
    }

    public <T> T rendering(Supplier<T> work) {
        return rendering.record(work);
    }

    public <T> T encryption(Supplier<T> work) {
        return encryption.record(work);
    }
}
