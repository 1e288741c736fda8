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
 * address a sender supplies. What each kind of letter does with a ceased party, or one the register never named, is
 * decided by {@link #forCodeLetter}, {@link #forDocument} and {@link #forNotice}, here, side by side.
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
        /** Print it and post it to this recipient. */
        record Post(Recipient recipient, boolean fromRegister) implements CodeLetterDestination {
        }

        /** Do not print codes: the party ceased. The letter is recorded VOIDED, with this reason. */
        record Void(String reason) implements CodeLetterDestination {
        }
    }

    /**
     * A code letter goes to the registered address of its recipient (the employer, or for an agent letter the agent
     * {@code agent}) as the register projection has it now. Only when the projection has no entry yet
     * (the register event has not arrived) does it use the address CodesIssued carries, which the mandate-service
     * copied from the register at transmission. No codes for a ceased party: the letter is void when its recipient
     * is ceased, and every letter of the request is void when the employer is (an agent's codes would act for an
     * employer that no longer exists).
     */
    public CodeLetterDestination forCodeLetter(String employer, boolean agentLetter, String agent, String eventName,
                                               PostalAddress eventAddress, String language) {
        Optional<RegisterEntry> employerEntry = register.find(employer);
        if (employerEntry.isPresent() && !employerEntry.get().isActive()) {
            return new CodeLetterDestination.Void("the employer register marks the employer ceased: no codes are "
                    + "printed for it");
        }
        Optional<RegisterEntry> entry = !agentLetter ? employerEntry
                : agent == null ? Optional.empty() : register.find(agent);
        if (entry.isPresent() && !entry.get().isActive()) {
            return new CodeLetterDestination.Void("the employer register marks the agent ceased: no codes are "
                    + "printed for it");
        }
        if (entry.isEmpty() || entry.get().address() == null) {
            return new CodeLetterDestination.Post(new Recipient(eventName, eventAddress, language, null), false);
        }
        RegisterEntry e = entry.get();
        return new CodeLetterDestination.Post(new Recipient(e.legalName(), e.address(), language, null), true);
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
