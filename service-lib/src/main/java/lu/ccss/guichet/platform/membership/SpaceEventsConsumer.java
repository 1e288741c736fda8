package lu.ccss.guichet.platform.membership;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the membership projection of a service that is not the space-service (enabled by the build property
 * {@code guichet.membership.projection=true}).
 */
@ApplicationScoped
@IfBuildProperty(name = "guichet.membership.projection", stringValue = "true")
public class SpaceEventsConsumer {

    public static final String CHANNEL = "space-events";

    private final Inbox inbox;
    private final MembershipProjection projection;

    public SpaceEventsConsumer(Inbox inbox, MembershipProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onSpaceEvent(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, projection.handlers());
    }
}
