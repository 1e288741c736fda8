package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.mailing.config.PrintProviderKey;
import lu.ccss.guichet.mailing.domain.CodeDownload;
import lu.ccss.guichet.mailing.domain.Letter;
import lu.ccss.guichet.mailing.domain.LetterStatus;
import lu.ccss.guichet.mailing.domain.PrintBatch;
import lu.ccss.guichet.mailing.repository.CodeDownloadRepository;
import lu.ccss.guichet.mailing.repository.LetterRepository;
import lu.ccss.guichet.mailing.repository.PrintBatchRepository;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the print provider downloads: the letters as printed, codes inside, always encrypted for its key
 * ({@link SealedDownload}), each download recorded in the append-only {@code code_download} before it is served.
 */
@ApplicationScoped
public class PrintProviderService {

    private static final Logger LOG = Logger.getLogger(PrintProviderService.class);

    private final PrintBatchService batches;
    private final PrintBatchRepository batchRepository;
    private final LetterRepository letters;
    private final LetterService letterService;
    private final LetterVault vault;
    private final CodeDownloadRepository downloads;
    private final PrintArchive archive;
    private final PrintProviderKey key;
    private final Caller caller;
    private final JsonWebToken token;

    public PrintProviderService(PrintBatchService batches, PrintBatchRepository batchRepository,
                                LetterRepository letters, LetterService letterService, LetterVault vault,
                                CodeDownloadRepository downloads, PrintArchive archive, PrintProviderKey key,
                                Caller caller, JsonWebToken token) {
        this.batches = batches;
        this.batchRepository = batchRepository;
        this.letters = letters;
        this.letterService = letterService;
        this.vault = vault;
        this.downloads = downloads;
        this.archive = archive;
        this.key = key;
        this.caller = caller;
        this.token = token;
    }

    /** The batch's letters still to print, the download recorded; write it with {@link #writeArchive}. */
    @Transactional
    public PrintBatchService.Batch archive(UUID batchId) {
        PrintBatchService.Batch batch = batches.reprint(batchId);
        record(CodeDownload.What.PRINT_ARCHIVE, batchId, null, batch.items().size());
        LOG.infof("Print provider %s downloads print batch %s (%d letter(s), sealed for key %s)", caller.userId(),
                batchId, batch.items().size(), key.keyId());
        return batch;
    }

    /** Streams the archive of {@code batch} (PDFs with codes and the manifest), sealed for the provider's key. */
    public void writeArchive(PrintBatchService.Batch batch, OutputStream target) throws IOException {
        try (OutputStream sealed = SealedDownload.seal(target, key.key(), key.keyId(),
                "print-batch:" + batch.batch().id)) {
            archive.write(batch.items(), letterService::printablePdf, sealed);
        }
    }

    /**
     * One letter of a print batch as printed (to print it again), sealed for the provider's key, the download
     * recorded. 409 before it is in a print batch; 410 once posted or voided.
     */
    @Transactional
    public byte[] letter(UUID letterId) {
        Letter letter = letters.findByIdOptional(letterId).orElseThrow(() -> LetterService.notFound(letterId));
        if (letter.status == LetterStatus.GENERATED) {
            throw DomainException.conflict("Letter " + letterId + " is not in a print batch yet");
        }
        if (letter.status != LetterStatus.BATCHED || letter.pdfEncrypted == null) {
            throw DomainException.gone("The PDF of letter " + letterId + " no longer exists: the letter is "
                    + letter.status + " and its content was destroyed");
        }
        record(CodeDownload.What.LETTER_PDF, letter.batchId, letter.id, 1);
        LOG.infof("Print provider %s downloads letter %s (%s) of print batch %s", caller.userId(), letter.id,
                letter.kind, letter.batchId);
        return SealedDownload.seal(vault.open(letter.id, letter.pdfEncrypted), key.key(), key.keyId(),
                "letter:" + letter.id);
    }

    /** The print batches that still have letters to print, newest first. */
    @Transactional
    public List<BatchSummary> waitingBatches() {
        List<Object[]> rows = batchRepository.getEntityManager().createQuery(
                "select b, count(l) from PrintBatch b, Letter l where l.batchId = b.id and l.status = :batched "
                        + "group by b order by b.createdAt desc", Object[].class)
                .setParameter("batched", LetterStatus.BATCHED)
                .getResultList();
        return rows.stream().map(r -> {
            PrintBatch b = (PrintBatch) r[0];
            return new BatchSummary(b.id, b.createdAt, b.letterCount, ((Number) r[1]).intValue());
        }).toList();
    }

    /** Who downloaded the codes of a batch (its archive, or one of its letters), oldest first; 404 without batch. */
    @Transactional
    public List<CodeDownload> downloadsOfBatch(UUID batchId) {
        batchRepository.findByIdOptional(batchId)
                .orElseThrow(() -> DomainException.notFound("No print batch " + batchId));
        return downloads.ofBatch(batchId);
    }

    /** Who downloaded one letter's printable PDF, oldest first; 404 without letter. */
    @Transactional
    public List<CodeDownload> downloadsOfLetter(UUID letterId) {
        letters.findByIdOptional(letterId).orElseThrow(() -> LetterService.notFound(letterId));
        return downloads.ofLetter(letterId);
    }

    private void record(CodeDownload.What what, UUID batchId, UUID letterId, int count) {
        Object azp = token.getClaim("azp");
        String clientId = azp == null ? null : azp.toString().replace("\"", "");
        downloads.persist(CodeDownload.of(what, batchId, letterId, count, caller.userId(), clientId, key.keyId(),
                Instant.now()));
    }

    public record BatchSummary(UUID batchId, Instant createdAt, int letterCount, int waitingLetters) {
    }
}
