package lu.ccss.guichet.mailing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.mailing.domain.CodeDownload;

import java.util.List;
import java.util.UUID;

/** The audit trail of downloads of codes: insert and read, nothing else (the table refuses the rest). */
@ApplicationScoped
public class CodeDownloadRepository implements PanacheRepositoryBase<CodeDownload, Long> {

    /** Every download of the batch's archive, and of any of its letters' printable PDFs, oldest first. */
    public List<CodeDownload> ofBatch(UUID batchId) {
        return list("batchId = ?1 order by seq", batchId);
    }

    public List<CodeDownload> ofLetter(UUID letterId) {
        return list("letterId = ?1 order by seq", letterId);
    }
}
