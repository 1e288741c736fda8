package lu.ccss.guichet.platform.certifications;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the certification projection of a service that opts in with the build property
 * {@code guichet.certification.projection=true} (and configures the channel {@code mandate-events}).
 */
@ApplicationScoped
@IfBuildProperty(name = "guichet.certification.projection", stringValue = "true")
public class MandateEventsConsumer {

    public static final String CHANNEL = "mandate-events";

    private final Inbox inbox;
    private final CertificationProjection projection;

    public MandateEventsConsumer(Inbox inbox, CertificationProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onMandateEvent(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, projection.handlers());
    }
}
