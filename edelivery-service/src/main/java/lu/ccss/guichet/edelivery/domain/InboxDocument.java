package lu.ccss.guichet.edelivery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.Domain;

import java.time.Instant;
import java.util.UUID;

/** A document in a space's eDelivery inbox (its bytes live apart, encrypted, in {@code inbox_document_content}). */
@Entity
@Table(name = "inbox_document")
public class InboxDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "space_id", nullable = false)
    public UUID spaceId;

    @Column(nullable = false, length = 13)
    public String employer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Domain domain;

    @Column(nullable = false, length = 255)
    public String title;

    @Column(name = "content_type", nullable = false, length = 127)
    public String contentType;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "routed_at", nullable = false)
    public Instant routedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** When the space lost its access (its eDelivery for the employer and domain stopped); null while it has it. */
    @Column(name = "access_ended_at")
    public Instant accessEndedAt;
}
