package lu.ccss.guichet.edelivery.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import lu.ccss.guichet.edelivery.domain.InboxDocument;
import lu.ccss.guichet.edelivery.domain.SealedContent;
import lu.ccss.guichet.events.Domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The inbox documents, their encrypted bytes and their readings. */
@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxDocument, UUID> {

    /** One inbox entry as a person sees it: the document and when they first read it (null: unread). */
    public record Entry(InboxDocument document, Instant readAt) {
    }

    /** A page of a space's inbox, newest first, as {@code reader} sees it. */
    public List<Entry> page(UUID spaceId, String reader, Domain domain, boolean unreadOnly, int page, int size) {
        TypedQuery<Object[]> query = getEntityManager().createQuery("select d, r.readAt "
                + from(domain, unreadOnly) + " order by d.routedAt desc, d.id desc", Object[].class);
        bind(query, spaceId, reader, domain);
        return query.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(row -> new Entry((InboxDocument) row[0], (Instant) row[1]))
                .toList();
    }

    public long count(UUID spaceId, String reader, Domain domain, boolean unreadOnly) {
        TypedQuery<Long> query = getEntityManager().createQuery("select count(d) " + from(domain, unreadOnly),
                Long.class);
        bind(query, spaceId, reader, domain);
        return query.getSingleResult();
    }

    private static String from(Domain domain, boolean unreadOnly) {
        return "from InboxDocument d left join DocumentReading r on r.id.documentId = d.id and r.id.userId = :reader "
                + "where d.spaceId = :space and d.accessEndedAt is null" + (domain == null ? "" : " and d.domain = :domain")
                + (unreadOnly ? " and r.id is null" : "");
    }

    private static void bind(TypedQuery<?> query, UUID spaceId, String reader, Domain domain) {
        query.setParameter("space", spaceId).setParameter("reader", reader);
        if (domain != null) {
            query.setParameter("domain", domain);
        }
    }

    /** A document the space may still read: of that space, and its access not ended. */
    public Optional<InboxDocument> inSpace(UUID spaceId, UUID documentId) {
        return findByIdOptional(documentId).filter(d -> d.spaceId.equals(spaceId) && d.accessEndedAt == null);
    }

    /** Ends the space's access to the employer's documents of the domain; returns how many documents it hid. */
    public int endAccess(UUID spaceId, String employer, Domain domain, Instant at) {
        return getEntityManager().createNativeQuery("update inbox_document set access_ended_at = ?4 "
                        + "where space_id = ?1 and employer = ?2 and domain = ?3 and access_ended_at is null")
                .setParameter(1, spaceId)
                .setParameter(2, employer)
                .setParameter(3, domain.name())
                .setParameter(4, at)
                .executeUpdate();
    }

    public void storeContent(UUID documentId, SealedContent content) {
        getEntityManager().createNativeQuery("insert into inbox_document_content (document_id, key_id, encrypted) "
                        + "values (?1, ?2, ?3)")
                .setParameter(1, documentId)
                .setParameter(2, content.keyId())
                .setParameter(3, content.bytes())
                .executeUpdate();
    }

    public SealedContent content(UUID documentId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("select key_id, encrypted "
                        + "from inbox_document_content where document_id = ?1")
                .setParameter(1, documentId)
                .getSingleResult();
        return new SealedContent((String) row[0], (byte[]) row[1]);
    }

    /** Records that {@code reader} read the document; returns false if they had already. */
    public boolean recordFirstReading(UUID documentId, String reader, Instant at) {
        return getEntityManager().createNativeQuery("insert into document_reading (document_id, user_id, read_at) "
                        + "values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, documentId)
                .setParameter(2, reader)
                .setParameter(3, at)
                .executeUpdate() == 1;
    }
}
