package lu.ccss.guichet.mandate.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One set of codes for a request: the first on transmission, another on each operator reissue. */
@Entity
@Table(name = "code_issuance")
public class CodeIssuance extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    public static CodeIssuance start(UUID requestId, String issuedBy) {
        CodeIssuance issuance = new CodeIssuance();
        issuance.id = UUID.randomUUID();
        issuance.requestId = requestId;
        issuance.issuedAt = Times.now();
        issuance.issuedBy = issuedBy;
        return issuance;
    }
}
