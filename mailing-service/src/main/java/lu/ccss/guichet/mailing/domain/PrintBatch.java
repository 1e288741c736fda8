package lu.ccss.guichet.mailing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A set of letters printed together, gathered by an operator. */
@Entity
@Table(name = "print_batch")
public class PrintBatch extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "letter_count", nullable = false)
    public int letterCount;

    public static PrintBatch of(String operator, int letterCount, Instant at) {
        PrintBatch batch = new PrintBatch();
        batch.id = UUID.randomUUID();
        batch.createdAt = at;
        batch.createdBy = operator;
        batch.letterCount = letterCount;
        return batch;
    }
}
