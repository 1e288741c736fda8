package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.mailing.config.PrintBatchConfig;
import lu.ccss.guichet.mailing.domain.Letter;
import lu.ccss.guichet.mailing.domain.LetterStatus;
import lu.ccss.guichet.mailing.domain.PrintBatch;
import lu.ccss.guichet.mailing.repository.LetterRepository;
import lu.ccss.guichet.mailing.repository.PrintBatchRepository;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.security.Caller;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Gathers the letters waiting to be printed into a batch, and lists what a batch still has to print. */
@ApplicationScoped
public class PrintBatchService {

    private static final Logger LOG = Logger.getLogger(PrintBatchService.class);

    private final LetterRepository letters;
    private final PrintBatchRepository batches;
    private final Caller caller;
    private final int maxLetters;

    public PrintBatchService(LetterRepository letters, PrintBatchRepository batches, Caller caller,
                             PrintBatchConfig config) {
        this.letters = letters;
        this.batches = batches;
        this.caller = caller;
        this.maxLetters = config.maxLetters();
    }

    /** Moves every GENERATED letter (up to the configured maximum, in postal order) into a new batch. */
    @Transactional
    public Batch create() {
        List<Letter> waiting = letters.claimWaitingForPrint(maxLetters);
        if (waiting.isEmpty()) {
            throw DomainException.conflict("No letter is waiting to be printed");
        }
        Instant now = Instant.now();
        PrintBatch batch = PrintBatch.of(caller.userId(), waiting.size(), now);
        batches.persist(batch);
        for (Letter letter : waiting) {
            letters.record(letter.batch(batch.id, now, batch.createdBy));
        }
        LOG.infof("Print batch %s of %d letter(s) gathered by %s", batch.id, waiting.size(), batch.createdBy);
        return new Batch(batch, waiting.stream().map(PrintItem::of).toList());
    }

    /** A batch and the letters of it that are still to be printed (not yet posted nor voided). */
    @Transactional
    public Batch reprint(UUID batchId) {
        PrintBatch batch = batches.findByIdOptional(batchId)
                .orElseThrow(() -> DomainException.notFound("No print batch " + batchId));
        List<PrintItem> items = letters.ofBatch(batchId).stream()
                .filter(l -> l.status == LetterStatus.BATCHED)
                .map(PrintItem::of).toList();
        if (items.isEmpty()) {
            throw DomainException.gone("Every letter of print batch " + batchId
                    + " was posted or voided; their content was destroyed");
        }
        return new Batch(batch, items);
    }

    public record Batch(PrintBatch batch, List<PrintItem> items) {
    }

    /** What the print archive needs of a letter besides its PDF. */
    public record PrintItem(UUID letterId, String kind, String recipient, String postcode, String country, int pages,
                            String postageClass) {
        static PrintItem of(Letter l) {
            return new PrintItem(l.id, l.kind.name(), l.recipientName, l.address.postcode, l.address.country, l.pages,
                    l.postageClass().name());
        }
    }
}
