package lu.ccss.guichet.mailing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * One download of codes by the print provider (a print archive, or one letter's printable PDF): who, when, what. The
 * table is append-only (the database refuses UPDATE, DELETE and TRUNCATE); the row never holds a code.
 */
@Entity
@Immutable
@Table(name = "code_download")
public class CodeDownload extends PanacheEntityBase {

    public enum What { PRINT_ARCHIVE, LETTER_PDF }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "downloaded_at", nullable = false)
    public Instant downloadedAt;

    /** The token's subject: the provider's user or service account. */
    @Column(name = "downloaded_by", nullable = false)
    public String downloadedBy;

    /** The OIDC client the token was issued to ({@code azp}), when it says. */
    @Column(name = "client_id")
    public String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public What what;

    @Column(name = "batch_id")
    public UUID batchId;

    @Column(name = "letter_id")
    public UUID letterId;

    /** How many letters (with their codes) the download held. */
    @Column(name = "letter_count", nullable = false)
    public int letterCount;

    /** The provider key it was encrypted for. */
    @Column(name = "key_id", nullable = false)
    public String keyId;

    public static CodeDownload of(What what, UUID batchId, UUID letterId, int letterCount, String by, String clientId,
                                  String keyId, Instant at) {
        CodeDownload d = new CodeDownload();
        d.what = what;
        d.batchId = batchId;
        d.letterId = letterId;
        d.letterCount = letterCount;
        d.downloadedBy = by;
        d.clientId = clientId;
        d.keyId = keyId;
        d.downloadedAt = at;
        return d;
    }
}
