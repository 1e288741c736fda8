package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.platform.register.EmployerRegister;
import lu.ccss.guichet.platform.register.RegisterEntry;

import java.time.Instant;
import java.util.Optional;

/**
 * Where letters go: the one place that reads the CCSS employer register (service-lib's register projection) for the
 * mailing-service. Every postal letter goes to a legal name, address and language of the register, never to an
 * address a sender supplies or an event carries. What each kind of letter does with a ceased party, or one the
 * register never named, is decided by {@link #forCodeLetter}, {@link #forDocument} and {@link #forNotice}, here,
 * side by side.
 */
@ApplicationScoped
public class RegisteredRecipients {

    private final EmployerRegister register;

    public RegisteredRecipients(EmployerRegister register) {
        this.register = register;
    }

    /** A recipient as the register has it; {@code ceasedAt} is set for a ceased employer or agent. */
    public record Recipient(String name, PostalAddress address, String language, Instant ceasedAt) {
        public boolean ceased() {
            return ceasedAt != null;
        }
    }

    /** What to do with a code letter. */
    public sealed interface CodeLetterDestination {
        /** Print it and post it to this recipient, as the register has it. */
        record Post(Recipient recipient) implements CodeLetterDestination {
        }

        /**
         * Do not print codes: the party ceased. The letter is recorded VOIDED, with this reason, under the
         * recipient's last registered name and address when the register ever gave them (else none).
         */
        record Void(String reason, Optional<Recipient> lastRegistered) implements CodeLetterDestination {
        }

        /**
         * Nowhere to post it yet: the register projection does not name the recipient (its register event has not
         * arrived). Nothing is made; the event waits in the dead-letter topic for a replay.
         */
        record Unknown(String reason) implements CodeLetterDestination {
        }
    }

    /**
     * A code letter goes to the registered legal name and address of its recipient (the employer, or for an agent
     * letter the agent {@code agent}) as the register projection has it now, and nowhere else: never to an address
     * an event carries (CodesIssued v1 did; it is ignored). No codes for a ceased party: the letter is void when its
     * recipient is ceased, and every letter of the request is void when the employer is (an agent's codes would act
     * for an employer that no longer exists). A recipient the projection does not name is {@link
     * CodeLetterDestination.Unknown}, like a document for an employer the register never named.
     */
    public CodeLetterDestination forCodeLetter(String employer, boolean agentLetter, String agent, String language) {
        Optional<RegisterEntry> employerEntry = register.find(employer);
        Optional<RegisterEntry> entry = !agentLetter ? employerEntry
                : agent == null ? Optional.empty() : register.find(agent);
        if (employerEntry.isPresent() && !employerEntry.get().isActive()) {
            return new CodeLetterDestination.Void("the employer register marks the employer ceased: no codes are "
                    + "printed for it", entry.flatMap(e -> addressed(e, language)));
        }
        if (entry.isPresent() && !entry.get().isActive()) {
            return new CodeLetterDestination.Void("the employer register marks the agent ceased: no codes are "
                    + "printed for it", addressed(entry.get(), language));
        }
        if (employerEntry.isEmpty()) {
            return new CodeLetterDestination.Unknown("the employer register does not name the employer (yet)");
        }
        return entry.flatMap(e -> addressed(e, language))
                .<CodeLetterDestination>map(CodeLetterDestination.Post::new)
                .orElseGet(() -> new CodeLetterDestination.Unknown("the employer register does not name the "
                        + (agentLetter ? "agent" : "employer") + " (yet)"));
    }

    private static Optional<Recipient> addressed(RegisterEntry entry, String language) {
        return entry.address() == null || entry.legalName() == null ? Optional.empty()
                : Optional.of(new Recipient(entry.legalName(), entry.address(), language, entry.ceasedAt()));
    }

    /**
     * A document by post goes to the employer's registered legal name, address and language; a ceased employer's to
     * its last registered ones. Empty when the register never named the employer (or knows only its cessation).
     */
    public Optional<Recipient> forDocument(String employer) {
        return registered(employer);
    }

    /** A holder notice goes where a document would; empty: nothing to address it to (logged and skipped). */
    public Optional<Recipient> forNotice(String employer) {
        return registered(employer);
    }

    private Optional<Recipient> registered(String number) {
        return register.find(number)
                .filter(e -> e.address() != null && e.legalName() != null)
                .map(e -> new Recipient(e.legalName(), e.address(), e.language() == null ? "fr" : e.language(),
                        e.isActive() ? null : (e.ceasedAt() != null ? e.ceasedAt() : Instant.EPOCH)));
    }
}
