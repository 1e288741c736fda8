package lu.ccss.guichet.mandate.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A failed code attempt by a person (in a space, for a certification), kept a day for the rate limit. */
@Entity
@Table(name = "redemption_failure")
public class RedemptionFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "space_id")
    public UUID spaceId;

    @Column(name = "failed_at", nullable = false)
    public Instant failedAt;

    public static RedemptionFailure of(String userId, UUID spaceId, Instant at) {
        RedemptionFailure failure = new RedemptionFailure();
        failure.userId = userId;
        failure.spaceId = spaceId;
        failure.failedAt = at;
        return failure;
    }
}
