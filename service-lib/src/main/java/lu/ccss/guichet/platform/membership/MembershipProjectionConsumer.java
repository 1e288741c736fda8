package lu.ccss.guichet.platform.membership;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onSpaceEvent(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(CHANNEL, record, projection.handlers());
    }
}
