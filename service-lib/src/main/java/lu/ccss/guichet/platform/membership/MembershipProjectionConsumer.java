package lu.ccss.guichet.platform.membership;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Feeds the membership projection of a service that switches it on ({@code guichet.projections.membership=true}). */
@ApplicationScoped
@IfBuildProperty(name = "guichet.projections.membership", stringValue = "true")
public class MembershipProjectionConsumer {

    public static final String CHANNEL = "membership-projection";

    private final ProcessedEvents processedEvents;
    private final MembershipProjection projection;

    public MembershipProjectionConsumer(ProcessedEvents processedEvents, MembershipProjection projection) {
        this.processedEvents = processedEvents;
        this.projection = projection;
    }

    /** A poll's records at once (the channel is {@code batch=true}): a burst of new spaces is known sooner. */
    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> onSpaceEvents(KafkaRecordBatch<String, String> records) {
        processedEvents.handleEachOnce(CHANNEL, records, projection.handlers());
        return CompletableFuture.completedFuture(null);
    }
}
