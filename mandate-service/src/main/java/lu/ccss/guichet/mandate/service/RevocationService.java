package lu.ccss.guichet.mandate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.mandate.domain.AuditAction;
import lu.ccss.guichet.mandate.domain.AuditEntry;
import lu.ccss.guichet.mandate.domain.AuditOutcome;
import lu.ccss.guichet.mandate.domain.CodeState;
import lu.ccss.guichet.mandate.domain.IssuedCode;
import lu.ccss.guichet.mandate.domain.Mandate;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.domain.VoidReason;
import lu.ccss.guichet.mandate.repository.IssuedCodeRepository;
import lu.ccss.guichet.mandate.repository.MandateRepository;
import lu.ccss.guichet.platform.logging.Redacted;
import lu.ccss.guichet.platform.security.Caller;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A holder revocation code ends the holder certification of its employer and domain, whichever space holds it, and
 * voids the holder access code of that domain if it is still unused — so a stolen letter cannot be used either.
 * The code is single use; if there is nothing to revoke it stays valid.
 */
@ApplicationScoped
public class RevocationService {

    private static final Logger LOG = Logger.getLogger(RevocationService.class);

    private final IssuedCodeRepository codes;
    private final MandateRepository mandates;
    private final MandateEnding ending;
    private final CodeSecrets secrets;
    private final AttemptLimiter limiter;
    private final AuditTrail audit;
    private final Caller caller;

    public RevocationService(IssuedCodeRepository codes, MandateRepository mandates, MandateEnding ending,
                             CodeSecrets secrets, AttemptLimiter limiter, AuditTrail audit, Caller caller) {
        this.codes = codes;
        this.mandates = mandates;
        this.ending = ending;
        this.secrets = secrets;
        this.limiter = limiter;
        this.audit = audit;
        this.caller = caller;
    }

    /** What a revocation did. */
    public record Revocation(String employer, Domain domain, UUID revokedMandateId, boolean accessCodeVoided,
                             Instant revokedAt) {
    }

    @Transactional(dontRollbackOn = CodeRefusal.class)
    /** {@code typedCode} as typed, already checked to be a well-formed code (ValidCode on the request). */
    public Revocation revoke(String typedCode) {
        String code = CodeFormat.normalise(typedCode);
        String user = caller.userId();
        Instant now = Times.now();
        Optional<Duration> wait = limiter.waitBeforeAttempt(user, null, now);
        if (wait.isPresent()) {
            audit.record(entry(user, AuditOutcome.RATE_LIMITED));
            throw CodeRefusal.tooManyFailures(wait.get());
        }
        Optional<IssuedCode> found = codes.lockByLookupHash(secrets.lookupHash(code))
                .filter(c -> c.kind == CodeKind.HOLDER_REVOCATION);
        if (found.isEmpty()) {
            limiter.recordFailure(user, null, now);
            audit.record(entry(user, AuditOutcome.FAILURE).detail("no such revocation code"));
            LOG.infof("Revocation attempt by %s failed: no such revocation code", user);
            throw CodeRefusal.unknownRevocationCode();
        }
        IssuedCode revocationCode = found.get();
        CodeState state = revocationCode.state(now);
        if (state != CodeState.USABLE) {
            audit.record(entry(user, AuditOutcome.REFUSED).code(revocationCode).detail("revocation code " + state));
            throw CodeRefusal.because(state);
        }
        mandates.lockMandate(revocationCode.employer, revocationCode.domain, Capacity.HOLDER);
        Optional<Mandate> holder = mandates.active(revocationCode.employer, revocationCode.domain,
                Capacity.HOLDER);
        if (holder.isPresent() && !obtainedWithCodesOf(holder.get(), revocationCode)) {
            audit.record(entry(user, AuditOutcome.REFUSED).code(revocationCode)
                    .detail("the holder mandate was obtained with another letter's codes"));
            throw CodeRefusal.anotherLettersMandate();
        }
        List<IssuedCode> unusedAccessCodes = codes.holderAccessCodes(revocationCode.issuanceId, revocationCode.domain)
                .stream().filter(c -> c.usedAt == null && c.voidedAt == null && c.lockedAt == null).toList();
        if (holder.isEmpty() && unusedAccessCodes.isEmpty()) {
            audit.record(entry(user, AuditOutcome.REFUSED).code(revocationCode).detail("nothing to revoke"));
            throw CodeRefusal.nothingToRevoke();
        }
        revocationCode.markUsed(user, null, now);
        holder.ifPresent(mandate -> ending.end(mandate, RevocationReason.REVOKED_BY_CODE, user, now));
        unusedAccessCodes.forEach(c -> c.voidFor(VoidReason.REVOKED, now));
        if (!unusedAccessCodes.isEmpty()) {
            audit.record(AuditEntry.of(user, AuditAction.CODES_VOIDED, AuditOutcome.SUCCESS)
                    .code(unusedAccessCodes.get(0)).detail("unused holder access code voided by its revocation code"));
        }
        audit.record(entry(user, AuditOutcome.SUCCESS).code(revocationCode)
                .detail(holder.map(h -> "holder certification " + h.id + " revoked").orElse("no holder certification")
                        + (unusedAccessCodes.isEmpty() ? "" : "; unused holder access code voided")));
        LOG.infof("Revocation code %s used by %s for employer %s, %s", revocationCode.id, user,
                Redacted.registrationNumber(revocationCode.employer), revocationCode.domain);
        return new Revocation(revocationCode.employer, revocationCode.domain, holder.map(h -> h.id).orElse(null),
                !unusedAccessCodes.isEmpty(), now);
    }

    /** A revocation code ends only the holder mandate obtained with an access code of its own letter (issuance). */
    private boolean obtainedWithCodesOf(Mandate holder, IssuedCode revocationCode) {
        return codes.findByIdOptional(holder.codeId)
                .map(accessCode -> accessCode.issuanceId.equals(revocationCode.issuanceId))
                .orElse(false);
    }

    private static AuditEntry entry(String user, AuditOutcome outcome) {
        return AuditEntry.of(user, AuditAction.REVOCATION_CODE_USE, outcome);
    }
}
