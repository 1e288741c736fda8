package lu.ccss.guichet.platform.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The idempotent receiving side: the event id is recorded in the handler's own transaction, so an event delivered
 * twice has one effect, and a handler that fails leaves no trace (its exception sends the record to the dead-letter
 * topic configured on the channel).
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final EventOrigins origins;

    public ProcessedEvents(EntityManager entityManager, ObjectMapper mapper, EventOrigins origins) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.origins = origins;
    }

    /**
     * Handles a record once for {@code consumer}; returns false if it was a duplicate (or a type with no handler).
     * A record that does not come from its topic's owner, or whose type does not belong on its topic, is refused
     * ({@link EventOrigins}) before anything else: it goes to the dead-letter topic and changes nothing.
     */
    @Transactional
    public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        InboundEvent event = InboundEvent.from(record);
        origins.check(record.topic(), event);
        int firstTime = entityManager.createNativeQuery(
                        "insert into processed_event (consumer, event_id, event_type, processed_at) "
                                + "values (?1, ?2, ?3, now()) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        if (firstTime == 0) {
            LOG.debugf("%s skips duplicate event %s", consumer, event.id());
            return false;
        }
        return handlers.forType(event.type()).map(handler -> {
            dispatch(handler, event);
            return true;
        }).orElse(false);
    }

    private <T> void dispatch(EventHandlers.Handler<T> handler, InboundEvent event) {
        T payload;
        try {
            payload = mapper.readValue(event.data(), handler.type().payloadClass());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("Event " + event.id() + " of type " + event.type()
                    + " does not match its schema: " + e.getOriginalMessage(), e);
        }
        handler.action().accept(payload);
    }
}
