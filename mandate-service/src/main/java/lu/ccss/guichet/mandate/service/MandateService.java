package lu.ccss.guichet.mandate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CertificationGranted;
import lu.ccss.guichet.events.MandateEvents.CodeLocked;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.mandate.config.CodesConfig;
import lu.ccss.guichet.mandate.domain.AuditAction;
import lu.ccss.guichet.mandate.domain.AuditEntry;
import lu.ccss.guichet.mandate.domain.AuditOutcome;
import lu.ccss.guichet.mandate.domain.CertificationAttempt;
import lu.ccss.guichet.mandate.domain.CodeRequest;
import lu.ccss.guichet.mandate.domain.CodeState;
import lu.ccss.guichet.mandate.domain.IssuedCode;
import lu.ccss.guichet.mandate.domain.Mandate;
import lu.ccss.guichet.mandate.domain.RequestAgent;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.repository.CodeRequestRepository;
import lu.ccss.guichet.mandate.repository.IssuedCodeRepository;
import lu.ccss.guichet.mandate.repository.MandateRepository;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.logging.Redacted;
import lu.ccss.guichet.platform.membership.SpaceAccess;
import lu.ccss.guichet.platform.outbox.Outbox;
import lu.ccss.guichet.platform.security.Caller;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Procedure C: certify a space for one domain with an access code and a security code, list a space's
 * certifications, and let the holder withdraw an agent's mandate.
 */
@ApplicationScoped
public class MandateService {

    private static final Logger LOG = Logger.getLogger(MandateService.class);

    private final CodeRequestRepository requests;
    private final IssuedCodeRepository codes;
    private final MandateRepository mandates;
    private final SpaceAccess access;
    private final Caller caller;
    private final CodeSecrets secrets;
    private final AttemptLimiter limiter;
    private final MandateEnding ending;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final CodeLockouts lockouts;
    private final int maxFailuresPerCode;

    public MandateService(CodeRequestRepository requests, IssuedCodeRepository codes,
                                MandateRepository mandates, SpaceAccess access, Caller caller,
                                CodeSecrets secrets, AttemptLimiter limiter, MandateEnding ending, AuditTrail audit,
                                Outbox outbox, CodeLockouts lockouts, CodesConfig config) {
        this.requests = requests;
        this.codes = codes;
        this.mandates = mandates;
        this.access = access;
        this.caller = caller;
        this.secrets = secrets;
        this.limiter = limiter;
        this.ending = ending;
        this.audit = audit;
        this.outbox = outbox;
        this.lockouts = lockouts;
        this.maxFailuresPerCode = config.maxFailuresPerCode();
    }

    /**
     * Certifies the space if the access code and the security code go together for that domain and capacity. A
     * refusal commits what it records (failure counts, a lock, the audit entry) and never says which code was wrong.
     */
    @Transactional(dontRollbackOn = CodeRefusal.class)
    public Mandate certify(UUID spaceId, CertificationAttempt attempt) {
        access.requireAdministrator(spaceId);
        String user = caller.userId();
        Instant now = Times.now();
        Optional<Duration> wait = limiter.waitBeforeAttempt(user, spaceId, now);
        if (wait.isPresent()) {
            audit.record(redemption(user, spaceId, AuditOutcome.RATE_LIMITED).scope(attempt.domain(),
                    attempt.capacity()));
            LOG.infof("Code attempt by %s in space %s refused: too many failures, retry in %s", user, spaceId,
                    wait.get());
            throw CodeRefusal.tooManyFailures(wait.get());
        }
        Optional<IssuedCode> found = codes.lockByLookupHash(secrets.lookupHash(attempt.accessCode()))
                .filter(code -> code.capacity() != null);
        if (found.isEmpty()) {
            secrets.verify(null, attempt.securityCode());
            limiter.recordFailure(user, spaceId, now);
            audit.record(redemption(user, spaceId, AuditOutcome.FAILURE).scope(attempt.domain(), attempt.capacity())
                    .detail("no such access code"));
            LOG.infof("Code attempt by %s in space %s failed: no such access code", user, spaceId);
            throw CodeRefusal.codesDoNotMatch();
        }
        IssuedCode accessCode = found.get();
        refuseUnlessUsable(accessCode, accessCode, user, spaceId, now);
        CodeRequest request = requests.findById(accessCode.requestId);
        Optional<IssuedCode> agentSecurity = accessCode.capacity() == Capacity.AGENT
                ? codes.agentSecurityCode(accessCode.issuanceId, accessCode.agentRegistrationNumber)
                : Optional.empty();
        String securityHash = accessCode.capacity() == Capacity.HOLDER ? request.holderSecurityHash
                : agentSecurity.map(code -> code.secretHash).orElse(null);
        boolean securityMatches = secrets.verify(securityHash, attempt.securityCode());
        if (!securityMatches || accessCode.domain != attempt.domain() || accessCode.capacity() != attempt.capacity()) {
            throw fail(accessCode, user, spaceId, now, securityMatches ? "wrong domain or capacity"
                    : "codes do not match");
        }
        if (agentSecurity.isPresent()) {
            refuseUnlessUsable(agentSecurity.get(), accessCode, user, spaceId, now);
        }
        return grant(spaceId, request, accessCode, user, now);
    }

    /** The space's active certifications, for its members. */
    @Transactional
    public List<Mandate> ofSpace(UUID spaceId) {
        access.requireMember(spaceId);
        return mandates.activeOfSpace(spaceId);
    }

    @Transactional
    public Mandate one(UUID spaceId, UUID mandateId) {
        access.requireMember(spaceId);
        return mandates.findByIdOptional(mandateId)
                .filter(c -> c.spaceId.equals(spaceId) && c.isActive())
                .orElseThrow(() -> DomainException.notFound("No certification " + mandateId
                        + " in this space"));
    }

    /** The agent now acting for the employer in the domain of a holder certification, if any. */
    @Transactional
    public Optional<Mandate> agentOf(Mandate holder) {
        return holder.capacity == Capacity.HOLDER
                ? mandates.active(holder.employer, holder.domain, Capacity.AGENT) : Optional.empty();
    }

    /**
     * The holder withdraws an agent's mandate: the caller administers the space that holds the employer's holder
     * certification for that domain. To anyone else the agent's mandate does not exist (404).
     */
    @Transactional
    public Mandate withdraw(UUID holderSpaceId, UUID mandateId) {
        access.requireAdministrator(holderSpaceId);
        Mandate mandate = mandates.findByIdOptional(mandateId)
                .filter(c -> mandates.activeOf(holderSpaceId, c.employer, c.domain, Capacity.HOLDER)
                        .isPresent())
                .orElseThrow(() -> DomainException.notFound("No mandate " + mandateId
                        + " that this space can withdraw"));
        if (mandate.capacity == Capacity.HOLDER) {
            throw DomainException.conflict("A holder certification is not withdrawn: it ends with the holder "
                    + "revocation code of its domain");
        }
        mandates.lockMandate(mandate.employer, mandate.domain, Capacity.AGENT);
        Mandate locked = mandates.lockById(mandateId).orElseThrow();
        if (!locked.isActive()) {
            throw DomainException.conflict("This mandate has already ended (" + locked.endReason + ")");
        }
        ending.end(locked, RevocationReason.WITHDRAWN, caller.userId(), Times.now());
        return locked;
    }

    private void refuseUnlessUsable(IssuedCode code, IssuedCode accessCode, String user, UUID spaceId, Instant now) {
        CodeState state = code.state(now);
        if (state != CodeState.USABLE) {
            audit.record(redemption(user, spaceId, AuditOutcome.REFUSED).code(accessCode)
                    .detail((code == accessCode ? "access code " : "agent security code ") + state));
            LOG.infof("Code attempt by %s in space %s refused: code %s is %s", user, spaceId, code.id, state);
            throw CodeRefusal.because(state);
        }
    }

    private CodeRefusal fail(IssuedCode accessCode, String user, UUID spaceId, Instant now, String why) {
        limiter.recordFailure(user, spaceId, now);
        boolean locksNow = accessCode.recordFailure(maxFailuresPerCode, now);
        audit.record(redemption(user, spaceId, AuditOutcome.FAILURE).code(accessCode)
                .detail(why + "; failed attempt " + accessCode.failedAttempts + " of " + maxFailuresPerCode));
        LOG.infof("Code attempt by %s in space %s failed on access code %s (%d of %d)", user, spaceId,
                accessCode.id, accessCode.failedAttempts, maxFailuresPerCode);
        if (locksNow) {
            LOG.warnf("Access code %s of request %s locked after %d failed attempts", accessCode.id,
                    accessCode.requestId, accessCode.failedAttempts);
            lockouts.codeLocked();
            outbox.record(EventTypes.CODE_LOCKED, CodeIssuer.AGGREGATE, accessCode.requestId,
                    new CodeLocked(accessCode.id, accessCode.requestId, accessCode.employer, accessCode.domain,
                            accessCode.capacity(), now));
            audit.record(AuditEntry.of("system:mandate-service", AuditAction.CODE_LOCKED, AuditOutcome.SUCCESS)
                    .code(accessCode).space(spaceId)
                    .detail("locked after " + accessCode.failedAttempts + " failed attempts"));
        }
        return CodeRefusal.codesDoNotMatch();
    }

    private Mandate grant(UUID spaceId, CodeRequest request, IssuedCode accessCode, String user, Instant now) {
        RequestAgent agent = accessCode.agentRegistrationNumber == null ? null
                : requests.agentsOf(request.requestId).stream()
                .filter(a -> a.registrationNumber().equals(accessCode.agentRegistrationNumber))
                .findFirst().orElse(null);
        if (agent != null && agent.mandateExpiresAt() != null && !now.isBefore(agent.mandateExpiresAt())) {
            throw DomainException.gone("The mandate the employer gave this agent ended on " + agent.mandateEndsOn
                    + ": the employer can name the agent again in a new certification request");
        }
        accessCode.markUsed(user, spaceId, now);
        Mandate granted = Mandate.grant(spaceId, request, accessCode, agent, user, now);
        mandates.lockMandate(granted.employer, granted.domain, granted.capacity);
        mandates.active(granted.employer, granted.domain, granted.capacity)
                .ifPresent(previous -> ending.replace(previous, spaceId, user, now));
        mandates.persist(granted);
        outbox.record(EventTypes.CERTIFICATION_GRANTED, MandateEnding.AGGREGATE, granted.employer,
                new CertificationGranted(granted.id, spaceId, granted.employer, granted.domain, granted.capacity,
                        granted.requestId, now));
        audit.record(redemption(user, spaceId, AuditOutcome.SUCCESS).code(accessCode));
        LOG.infof("Space %s certified for employer %s, %s, as %s (certification %s)", spaceId,
                Redacted.registrationNumber(granted.employer),
                granted.domain, granted.capacity, granted.id);
        audit.record(AuditEntry.of(user, AuditAction.CERTIFICATION_GRANTED, AuditOutcome.SUCCESS)
                .mandate(granted).code(accessCode).space(spaceId));
        return granted;
    }

    private static AuditEntry redemption(String user, UUID spaceId, AuditOutcome outcome) {
        return AuditEntry.of(user, AuditAction.CODE_REDEMPTION, outcome).space(spaceId);
    }
}
