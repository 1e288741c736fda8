package lu.ccss.guichet.edelivery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The first reading (download) of an inbox document by one person. */
@Entity
@Table(name = "document_reading")
public class DocumentReading extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "document_id", nullable = false)
        public UUID documentId;

        @Column(name = "user_id", nullable = false)
        public String userId;

        protected Key() {
        }

        public Key(UUID documentId, String userId) {
            this.documentId = documentId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(documentId, k.documentId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(documentId, userId);
        }
    }
}
