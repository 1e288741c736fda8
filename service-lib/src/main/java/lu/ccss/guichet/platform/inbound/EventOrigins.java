package lu.ccss.guichet.platform.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may publish what where: a record is accepted only if its {@code ce_source} is the owner of its topic
 * ({@link Topics#ownerSource}) and its {@code ce_type} is an event type the catalogue ({@link EventTypes#ALL})
 * declares on that topic, or an earlier version of one that consumers still read ({@link EventTypes#supersededBy}). A topic outside the catalogue is refused unless the service names its owner in
 * {@code guichet.inbound.extra-topic-owners} ({@code topic=source} pairs; none in production). A refused record
 * goes to the dead-letter topic with the reason and changes nothing.
 */
@ApplicationScoped
public class EventOrigins {

    private final Map<String, String> extraOwners = new HashMap<>();

    public EventOrigins(@ConfigProperty(name = "guichet.inbound.extra-topic-owners")
                        Optional<List<String>> extraTopicOwners) {
        for (String pair : extraTopicOwners.orElse(List.of())) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("guichet.inbound.extra-topic-owners: expected topic=source, got "
                        + pair);
            }
            String topic = pair.substring(0, equals).strip();
            if (Topics.ownerSource(topic).isPresent()) {
                throw new IllegalArgumentException("guichet.inbound.extra-topic-owners cannot change the owner of "
                        + "the platform topic " + topic);
            }
            extraOwners.put(topic, pair.substring(equals + 1).strip());
        }
    }

    /** Throws {@link InvalidEventException} unless the event comes from its topic's owner and belongs there. */
    public void check(String topic, InboundEvent event) {
        Optional<String> owner = Topics.ownerSource(topic).or(() -> Optional.ofNullable(extraOwners.get(topic)));
        if (owner.isEmpty()) {
            throw new InvalidEventException("Event " + event.id() + " arrived on " + topic
                    + ", a topic without a known owner");
        }
        if (!owner.get().equals(event.source())) {
            throw new InvalidEventException("Event " + event.id() + " on " + topic + " has ce_source "
                    + event.source() + ", but only " + owner.get() + " publishes there");
        }
        Optional<EventType<?>> declared = EventTypes.byType(event.type())
                .or(() -> EventTypes.supersededBy(event.type()));
        boolean platformTopic = Topics.ownerSource(topic).isPresent();
        if (platformTopic ? declared.map(t -> !t.topic().equals(topic)).orElse(true) : declared.isPresent()) {
            throw new InvalidEventException("Event " + event.id() + " of type " + event.type()
                    + " is not an event type of " + topic);
        }
    }
}
