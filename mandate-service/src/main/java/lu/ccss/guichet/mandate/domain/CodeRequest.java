package lu.ccss.guichet.mandate.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A transmitted certification request as the mandate-service keeps it: who gets letters, and the Argon2id hash of
 * the holder's security code (step 6 of procedure B), never the code.
 */
@Entity
@Table(name = "code_request")
public class CodeRequest extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(nullable = false)
    public String reference;

    @Column(name = "filing_space_id")
    public UUID filingSpaceId;

    @Column(nullable = false)
    public String employer;

    @Column(name = "employer_name", nullable = false)
    public String employerName;

    @Column(nullable = false)
    public String language;

    @Column(name = "holder_security_hash", nullable = false)
    public String holderSecurityHash;

    @Column(name = "transmitted_at", nullable = false)
    public Instant transmittedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
