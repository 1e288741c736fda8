package lu.ccss.guichet.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.EventType;

import java.util.UUID;

/** A use case of the test application: writes a row and its event in one transaction. */
@ApplicationScoped
public class NoteService {

    public record NoteAdded(UUID noteId, String aggregate, String text) {
    }

    public static final EventType<NoteAdded> NOTE_ADDED = new EventType<>("NoteAdded", "lu.ccss.test.note-added.v1",
            "guichet.lib-test.events", NoteAdded.class);

    private final EntityManager entityManager;
    private final Outbox outbox;

    public NoteService(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    @Transactional
    public UUID add(String aggregate, String text) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("insert into test_note (id, aggregate, text) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, aggregate).setParameter(3, text).executeUpdate();
        return outbox.record(NOTE_ADDED, "note", aggregate, new NoteAdded(id, aggregate, text));
    }

    @Transactional
    public void addThenFail(String aggregate, String text) {
        add(aggregate, text);
        throw new IllegalStateException("the use case fails after writing its event");
    }
}
