package lu.ccss.guichet.space.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An employer's professional space on the portal. */
@Entity
@Table(name = "space")
public class Space extends PanacheEntityBase {

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 500;

    @Id
    public UUID id;

    @Column(nullable = false, length = NAME_MAX)
    public String name;

    @Column(length = DESCRIPTION_MAX)
    public String description;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Space create(SpaceDetails details, String createdBy) {
        Space space = new Space();
        space.id = UUID.randomUUID();
        space.name = details.name();
        space.description = details.description();
        space.createdBy = createdBy;
        space.createdAt = Instant.now();
        return space;
    }
}
