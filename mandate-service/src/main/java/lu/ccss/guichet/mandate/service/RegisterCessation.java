package lu.ccss.guichet.mandate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.mandate.domain.AuditAction;
import lu.ccss.guichet.mandate.domain.AuditEntry;
import lu.ccss.guichet.mandate.domain.AuditOutcome;
import lu.ccss.guichet.mandate.domain.IssuedCode;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.domain.VoidReason;
import lu.ccss.guichet.mandate.repository.IssuedCodeRepository;
import lu.ccss.guichet.mandate.repository.MandateRepository;
import lu.ccss.guichet.platform.logging.Redacted;
import lu.ccss.guichet.platform.register.RegisterEntryCeased;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * When the employer register marks an entry ceased: every mandate for that employer ends ({@code EMPLOYER_CEASED})
 * and its unused codes are void; every agent mandate that entry obtained as an agent ends ({@code AGENT_CEASED}) and
 * the unused codes issued for it are void. Runs in the register projection's transaction, so the register entry, the
 * ended mandates and their MandateRevoked events commit together.
 */
@ApplicationScoped
public class RegisterCessation {

    static final String ACTOR = "system:employer-register";
    private static final Logger LOG = Logger.getLogger(RegisterCessation.class);

    private final MandateRepository mandates;
    private final IssuedCodeRepository codes;
    private final MandateEnding ending;
    private final AuditTrail audit;

    public RegisterCessation(MandateRepository mandates, IssuedCodeRepository codes, MandateEnding ending,
                             AuditTrail audit) {
        this.mandates = mandates;
        this.codes = codes;
        this.ending = ending;
        this.audit = audit;
    }

    void onCeased(@Observes RegisterEntryCeased ceased) {
        Instant now = Times.now();
        String number = ceased.registrationNumber();
        long asEmployer = mandates.activeForEmployer(number).stream()
                .filter(key -> ending.endIfActive(key, RevocationReason.EMPLOYER_CEASED, ACTOR, now)).count();
        long asAgent = mandates.activeForAgent(number).stream()
                .filter(key -> ending.endIfActive(key, RevocationReason.AGENT_CEASED, ACTOR, now)).count();
        long codesOfEmployer = voidAll(codes.lockUnusedOfEmployer(number), VoidReason.EMPLOYER_CEASED, now);
        long codesOfAgent = voidAll(codes.lockUnusedOfAgent(number), VoidReason.AGENT_CEASED, now);
        if (codesOfEmployer + codesOfAgent > 0) {
            audit.record(AuditEntry.of(ACTOR, AuditAction.CODES_VOIDED, AuditOutcome.SUCCESS).request(null, number)
                    .detail(codesOfEmployer + " unused code(s) of the employer and " + codesOfAgent
                            + " issued for it as an agent voided: ceased in the employer register"));
        }
        LOG.infof("Register entry %s ceased: %d mandate(s) as employer and %d as agent ended, %d code(s) voided",
                Redacted.registrationNumber(number), asEmployer, asAgent, codesOfEmployer + codesOfAgent);
    }

    private static long voidAll(List<IssuedCode> unused, VoidReason reason, Instant now) {
        return unused.stream().filter(code -> code.voidFor(reason, now)).count();
    }
}
