package lu.ccss.guichet.platform.register;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.inbound.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the register projection of a service that switches it on ({@code guichet.projections.register=true}). */
@ApplicationScoped
@IfBuildProperty(name = "guichet.projections.register", stringValue = "true")
public class RegisterProjectionConsumer {

    public static final String CHANNEL = "register-projection";

    private final ProcessedEvents processedEvents;
    private final EmployerRegister register;

    public RegisterProjectionConsumer(ProcessedEvents processedEvents, EmployerRegister register) {
        this.processedEvents = processedEvents;
        this.register = register;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onRegisterEvent(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce(CHANNEL, record, register.handlers());
    }
}
