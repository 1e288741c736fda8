package lu.ccss.guichet.mailing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.Domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** eDelivery is on for a space, employer and domain (projection of DomainFirstUsed and EDeliveryActivated; off again after EDeliveryStopped). */
@Entity
@Table(name = "edelivery_activation")
public class EDeliveryActivation extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    /** When the edelivery-service stopped it (EDeliveryStopped: the space lost its mandate); null while on. */
    @Column(name = "stopped_at")
    public Instant stoppedAt;

    public static EDeliveryActivation of(UUID spaceId, String employer, Domain domain, Instant activatedAt) {
        EDeliveryActivation activation = new EDeliveryActivation();
        activation.id = new Key(spaceId, employer, domain);
        activation.activatedAt = activatedAt;
        return activation;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "space_id", nullable = false)
        public UUID spaceId;

        @Column(nullable = false)
        public String employer;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Domain domain;

        protected Key() {
        }

        public Key(UUID spaceId, String employer, Domain domain) {
            this.spaceId = spaceId;
            this.employer = employer;
            this.domain = domain;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(spaceId, k.spaceId) && Objects.equals(employer, k.employer)
                    && domain == k.domain;
        }

        @Override
        public int hashCode() {
            return Objects.hash(spaceId, employer, domain);
        }
    }
}
