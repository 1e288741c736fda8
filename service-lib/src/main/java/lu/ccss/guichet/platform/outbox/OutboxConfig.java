package lu.ccss.guichet.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox settings of a service ({@code guichet.outbox.*}). */
@ConfigMapping(prefix = "guichet.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event the service publishes, e.g. {@code /guichet/space-service}. */
    String source();

    /** Most rows the relay claims at once. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgement of one record. */
    @WithDefault("PT15S")
    Duration ackTimeout();

    /** How often the relay looks for rows a crash left behind (it is woken after every commit besides). */
    @WithDefault("5s")
    String pollInterval();

    /** How long a published row is kept before the cleanup deletes it. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the cleanup runs. */
    @WithDefault("1h")
    String cleanupInterval();
}
