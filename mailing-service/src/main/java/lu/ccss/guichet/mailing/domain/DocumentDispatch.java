package lu.ccss.guichet.mailing.domain;

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

/** A document a domain system sent to an employer, and which way it went (the content is not kept here). */
@Entity
@Table(name = "document_dispatch")
public class DocumentDispatch extends PanacheEntityBase {

    public enum Channel {
        EDELIVERY,
        POST
    }

    @Id
    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "space_id", nullable = false)
    public UUID spaceId;

    @Column(nullable = false)
    public String employer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Domain domain;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public String sha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** The postal letter, when it went by post. */
    @Column(name = "letter_id")
    public UUID letterId;

    /** The space whose inbox received it (EDELIVERY): the space named, or the one holding the mandate now. */
    @Column(name = "inbox_space_id")
    public UUID inboxSpaceId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The domain system's account (token subject). */
    @Column(name = "sent_by", nullable = false)
    public String sentBy;
}
