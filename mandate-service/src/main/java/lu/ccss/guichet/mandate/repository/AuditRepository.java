package lu.ccss.guichet.mandate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.mandate.domain.AuditEntry;

import java.util.List;

/** Inserts and reads the audit trail; it has no method that changes or removes an entry. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public List<AuditEntry> ofEmployer(String employer, long afterSeq, int limit) {
        return find("employer = ?1 and seq > ?2 order by seq", employer, afterSeq).page(0, limit).list();
    }
}
