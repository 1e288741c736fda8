package lu.ccss.guichet.platform.inbound;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import lu.ccss.guichet.platform.outbox.NoteService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer of the test application: records one effect per event; a note saying "poison" cannot be handled, and a
 * note saying "flaky:N" meets a lost database connection the first N times it is handled, and a note saying
 * "slow:N" takes 100 ms and is counted in {@link #SLOW}.
 */
@ApplicationScoped
public class TestEventsConsumer {

    private static final Map<UUID, Integer> FAILURES = new ConcurrentHashMap<>();
    /** The slow notes handled, in the order each was handled, and how many ran at once at most. */
    static final SlowNotes SLOW = new SlowNotes();

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
            if (note.text().startsWith("slow:")) {
                SLOW.handle(note.noteId(), note.text());
            }
            if (note.text().startsWith("flaky:") && FAILURES.merge(note.noteId(), 1, Integer::sum)
                    <= Integer.parseInt(note.text().substring("flaky:".length()))) {
                throw new PersistenceException("connection lost",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            }
        }));
    }
}
