package lu.ccss.guichet.platform.inbound;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import lu.ccss.guichet.platform.outbox.NoteService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer of the test application: records one effect per event; a note saying "poison" cannot be handled. */
@ApplicationScoped
public class TestEventsConsumer {

    private final ProcessedEvents processedEvents;
    private final EntityManager entityManager;

    public TestEventsConsumer(ProcessedEvents processedEvents, EntityManager entityManager) {
        this.processedEvents = processedEvents;
        this.entityManager = entityManager;
    }

    @Incoming("test-in")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processedEvents.handleOnce("test-in", record, EventHandlers.create().on(NoteService.NOTE_ADDED, note -> {
            entityManager.createNativeQuery("insert into test_effect (event_id, text) values (?1, ?2)")
                    .setParameter(1, note.noteId().toString()).setParameter(2, note.text()).executeUpdate();
            if (note.text().equals("poison")) {
                throw new IllegalArgumentException("a poison note cannot be handled");
            }
        }));
    }
}
