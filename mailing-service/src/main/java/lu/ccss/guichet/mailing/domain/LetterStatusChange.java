package lu.ccss.guichet.mailing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of a letter's history: who moved it to which status, when, and why. */
@Entity
@Table(name = "letter_status_change")
public class LetterStatusChange extends PanacheEntityBase {

    public static final String SYSTEM = "mailing-service";
    public static final int NOTE_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "letter_id", nullable = false)
    public UUID letterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LetterStatus status;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The operator's user id, or {@link #SYSTEM}. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(length = NOTE_MAX)
    public String note;

    static LetterStatusChange of(UUID letterId, LetterStatus status, Instant at, String by, String note) {
        LetterStatusChange change = new LetterStatusChange();
        change.letterId = letterId;
        change.status = status;
        change.changedAt = at;
        change.changedBy = by;
        change.note = note;
        return change;
    }
}
