package lu.ccss.guichet.platform.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** {@link ProcessedEvents}' transaction: the event id and the handler's effect commit together, or neither. */
@ApplicationScoped
class HandledOnce {

    private static final Logger LOG = Logger.getLogger(HandledOnce.class);

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    HandledOnce(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** Applies {@code handler} to {@code event} unless {@code consumer} has already; false for a duplicate. */
    @Transactional
    boolean handle(String consumer, InboundEvent event, EventHandlers.Handler<?> handler) {
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
        dispatch(handler, event);
        return true;
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
