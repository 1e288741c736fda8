package lu.ccss.guichet.mandate.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the append-only audit trail: who did what, when, on which request, space, code or certification, and
 * how it ended. It names codes by id only. Hibernate never updates it ({@link Immutable}) and a database trigger
 * refuses any UPDATE, DELETE or TRUNCATE.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditOutcome outcome;

    public String employer;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "space_id")
    public UUID spaceId;

    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "code_id")
    public UUID codeId;

    @Enumerated(EnumType.STRING)
    public Domain domain;

    @Enumerated(EnumType.STRING)
    public Capacity capacity;

    public String detail;

    public static AuditEntry of(String actor, AuditAction action, AuditOutcome outcome) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Times.now();
        entry.actor = actor;
        entry.action = action;
        entry.outcome = outcome;
        return entry;
    }

    public AuditEntry request(UUID requestId, String employer) {
        this.requestId = requestId;
        this.employer = employer;
        return this;
    }

    public AuditEntry space(UUID spaceId) {
        this.spaceId = spaceId;
        return this;
    }

    public AuditEntry code(IssuedCode code) {
        this.codeId = code.id;
        this.requestId = code.requestId;
        this.employer = code.employer;
        this.domain = code.domain;
        this.capacity = code.capacity();
        return this;
    }

    public AuditEntry mandate(Mandate c) {
        this.mandateId = c.id;
        this.spaceId = c.spaceId;
        this.employer = c.employer;
        this.requestId = c.requestId;
        this.domain = c.domain;
        this.capacity = c.capacity;
        return this;
    }

    public AuditEntry scope(Domain domain, Capacity capacity) {
        this.domain = domain;
        this.capacity = capacity;
        return this;
    }

    public AuditEntry detail(String detail) {
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        return this;
    }
}
