package lu.ccss.guichet.certification.domain;

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

import java.time.Instant;
import java.util.UUID;

/** One line of a request's timeline: its own steps and what the other services reported about it. */
@Entity
@Table(name = "request_timeline")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimelineKind kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The domain certified (DOMAIN_CERTIFIED). */
    @Enumerated(EnumType.STRING)
    public Domain domain;

    /** Holder or agent (DOMAIN_CERTIFIED). */
    @Enumerated(EnumType.STRING)
    public Capacity capacity;

    /** What kind of letter was posted, or how many letters codes were issued for. */
    public String detail;

    /** The user who did it, for the request's own steps; null for what other services reported. */
    public String actor;

    public static TimelineEntry of(UUID requestId, TimelineKind kind, Instant occurredAt) {
        TimelineEntry entry = new TimelineEntry();
        entry.requestId = requestId;
        entry.kind = kind;
        entry.occurredAt = occurredAt;
        return entry;
    }
}
