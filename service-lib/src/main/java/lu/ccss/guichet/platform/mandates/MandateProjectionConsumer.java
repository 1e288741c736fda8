package lu.ccss.guichet.platform.mandates;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the mandate projection of a service that switches it on ({@code guichet.projections.mandates=true}). */
@ApplicationScoped
@IfBuildProperty(name = "guichet.projections.mandates", stringValue = "true")
public class MandateProjectionConsumer {

    public static final String CHANNEL = "mandate-projection";

    private final ProcessedEvents processedEvents;
    private final MandateProjection projection;

    public MandateProjectionConsumer(ProcessedEvents processedEvents, MandateProjection projection) {
        this.processedEvents = processedEvents;
        this.projection = projection;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onMandateEvent(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(CHANNEL, record, projection.handlers());
    }
}
