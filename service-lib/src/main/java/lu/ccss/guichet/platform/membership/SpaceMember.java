package lu.ccss.guichet.platform.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.MemberRole;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user of a space and their role. In the space-service this is the source of truth; in every other service it is
 * a projection of the space events, so each answers "is the caller a member of space S" on its own.
 */
@Entity
@Table(name = "space_member")
public class SpaceMember extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberRole role;

    @Column(name = "display_name")
    public String displayName;

    @Column(nullable = false)
    public Instant since;

    public static SpaceMember of(UUID spaceId, String userId, MemberRole role, String displayName, Instant since) {
        SpaceMember member = new SpaceMember();
        member.id = new Key(spaceId, userId);
        member.role = role;
        member.displayName = displayName;
        member.since = since;
        return member;
    }

    public UUID spaceId() {
        return id.spaceId;
    }

    public String userId() {
        return id.userId;
    }

    public boolean isAdministrator() {
        return role == MemberRole.ADMINISTRATOR;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "space_id", nullable = false)
        public UUID spaceId;

        @Column(name = "user_id", nullable = false)
        public String userId;

        protected Key() {
        }

        public Key(UUID spaceId, String userId) {
            this.spaceId = spaceId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(spaceId, k.spaceId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(spaceId, userId);
        }
    }
}
