package lu.ccss.guichet.mandate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.mandate.domain.AuditEntry;
import lu.ccss.guichet.mandate.repository.AuditRepository;

import java.util.List;

/** Writes the append-only audit trail in the transaction of the change it records, and reads it for operators. */
@ApplicationScoped
public class AuditTrail {

    public static final int MAX_PAGE = 1000;

    private final AuditRepository entries;

    public AuditTrail(AuditRepository entries) {
        this.entries = entries;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry entry) {
        entries.persist(entry);
    }

    @Transactional
    public List<AuditEntry> ofEmployer(String employer, long afterSeq, int limit) {
        return entries.ofEmployer(employer, afterSeq, Math.min(limit, MAX_PAGE));
    }
}
