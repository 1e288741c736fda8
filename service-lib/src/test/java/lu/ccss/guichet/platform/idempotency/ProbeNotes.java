package lu.ccss.guichet.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.platform.errors.DomainException;

import java.util.UUID;

/** Use cases of the test application that write a {@code test_note} row, and succeed or fail in the ways services do. */
@ApplicationScoped
public class ProbeNotes {

    private final EntityManager entityManager;

    public ProbeNotes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public UUID add(String aggregate, String text) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("insert into test_note (id, aggregate, text) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, aggregate).setParameter(3, text).executeUpdate();
        return id;
    }

    /** Writes, then takes its time: long enough for a second request to arrive meanwhile. */
    @Transactional
    public UUID addSlowly(String aggregate, String text) throws InterruptedException {
        UUID id = add(aggregate, text);
        Thread.sleep(1500);
        return id;
    }

    /** Writes, then refuses: the write is rolled back, as a service's refusal is. */
    @Transactional
    public UUID addThenRefuse(String aggregate, String text) {
        add(aggregate, text);
        throw DomainException.conflict("refused after writing");
    }

    /** Writes, then refuses and keeps the write, as a refused code keeps its failure count. */
    @Transactional(dontRollbackOn = DomainException.class)
    public UUID addThenRefuseKeepingIt(String aggregate, String text) {
        add(aggregate, text);
        throw DomainException.conflict("refused after writing, keeping what was written");
    }
}
