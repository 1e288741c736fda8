package lu.ccss.guichet.platform.register;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.events.RegisterEvents;
import lu.ccss.guichet.platform.inbound.EventHandlers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A service's copy of the CCSS employer register, the one trusted source of an employer's or an agent's legal name,
 * postal address and correspondence language. Fed by the register's events; a service switches it on with
 * {@code guichet.projections.register=true} (its table, its channel and {@link RegisterProjectionConsumer}).
 * A ceased entry never becomes active again. A service that must act when an entry ceases observes
 * {@link RegisterEntryCeased}.
 */
@ApplicationScoped
public class EmployerRegister {

    private final EntityManager entityManager;
    private final Event<RegisterEntryCeased> ceased;

    public EmployerRegister(EntityManager entityManager, Event<RegisterEntryCeased> ceased) {
        this.entityManager = entityManager;
        this.ceased = ceased;
    }

    public EventHandlers handlers() {
        return EventHandlers.create()
                .on(EventTypes.EMPLOYER_REGISTERED, e -> upsert(e.registrationNumber(), e.kind(), e.legalName(),
                        e.address(), e.language(), e.registeredAt()))
                .on(EventTypes.EMPLOYER_UPDATED, e -> upsert(e.registrationNumber(), e.kind(), e.legalName(),
                        e.address(), e.language(), e.updatedAt()))
                .on(EventTypes.EMPLOYER_CEASED, this::ceased);
    }

    /** The entry of {@code registrationNumber}, active or ceased, if the register has ever named it. */
    public Optional<RegisterEntry> find(String registrationNumber) {
        List<?> rows = entityManager.createNativeQuery("select registration_number, kind, legal_name, street, "
                        + "house_number, postcode, locality, country, language, status, changed_at, ceased_at "
                        + "from register_entry where registration_number = ?1")
                .setParameter(1, registrationNumber)
                .getResultList();
        return rows.stream().map(row -> entry((Object[]) row)).findFirst();
    }

    private void upsert(String number, PartyKind kind, String legalName, PostalAddress address, String language,
                        Instant at) {
        entityManager.createNativeQuery("insert into register_entry (registration_number, kind, legal_name, street, "
                        + "house_number, postcode, locality, country, language, status, changed_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'ACTIVE', ?10) "
                        + "on conflict (registration_number) do update set kind = excluded.kind, "
                        + "legal_name = excluded.legal_name, street = excluded.street, "
                        + "house_number = excluded.house_number, postcode = excluded.postcode, "
                        + "locality = excluded.locality, country = excluded.country, language = excluded.language, "
                        + "changed_at = excluded.changed_at")
                .setParameter(1, number)
                .setParameter(2, kind.name())
                .setParameter(3, legalName)
                .setParameter(4, address.street())
                .setParameter(5, address.number())
                .setParameter(6, address.postcode())
                .setParameter(7, address.locality())
                .setParameter(8, address.country())
                .setParameter(9, language)
                .setParameter(10, at)
                .executeUpdate();
    }

    private void ceased(RegisterEvents.EmployerCeased event) {
        entityManager.createNativeQuery("insert into register_entry (registration_number, status, changed_at, "
                        + "ceased_at) values (?1, 'CEASED', ?2, ?2) on conflict (registration_number) do update "
                        + "set status = 'CEASED', changed_at = excluded.changed_at, ceased_at = excluded.ceased_at")
                .setParameter(1, event.registrationNumber())
                .setParameter(2, event.ceasedAt())
                .executeUpdate();
        ceased.fire(new RegisterEntryCeased(event.registrationNumber(), event.ceasedAt()));
    }

    private static RegisterEntry entry(Object[] row) {
        PostalAddress address = row[3] == null ? null : new PostalAddress((String) row[3], (String) row[4],
                (String) row[5], (String) row[6], (String) row[7]);
        return new RegisterEntry((String) row[0], row[1] == null ? null : PartyKind.valueOf((String) row[1]),
                (String) row[2], address, (String) row[8], RegisterEntry.Status.valueOf((String) row[9]),
                instant(row[10]), instant(row[11]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant i ? i : ((java.time.OffsetDateTime) value).toInstant();
    }
}
