package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.certification.domain.AgentDetails;
import lu.ccss.guichet.certification.domain.AgentsChoice;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.EmployerDetails;
import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.certification.domain.FilerDetails;
import lu.ccss.guichet.certification.domain.SecurityCodeRules;
import lu.ccss.guichet.certification.domain.TimelineKind;
import lu.ccss.guichet.certification.domain.WizardStep;
import lu.ccss.guichet.certification.repository.CertificationRequestRepository;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.membership.SpaceAccess;
import lu.ccss.guichet.platform.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Procedure B, steps 1 to 6: a member of a space opens a draft and saves each step on its own. A step that breaks a
 * rule is refused with every offending field named, and writes nothing.
 */
@ApplicationScoped
public class WizardService {

    private final CertificationRequestRepository requests;
    private final RequestLoader loader;
    private final FilingRules rules;
    private final Timeline timeline;
    private final SpaceAccess access;
    private final Caller caller;
    private final Argon2idHasher hasher = Argon2idHasher.withDefaults();

    public WizardService(CertificationRequestRepository requests, RequestLoader loader, FilingRules rules,
                         Timeline timeline, SpaceAccess access, Caller caller) {
        this.requests = requests;
        this.loader = loader;
        this.rules = rules;
        this.timeline = timeline;
        this.access = access;
        this.caller = caller;
    }

    @Transactional
    public CertificationRequest open(UUID spaceId) {
        access.requireMember(spaceId);
        Instant now = Instant.now();
        CertificationRequest request = CertificationRequest.open(spaceId, requests.nextReference(now),
                caller.userId(), now);
        requests.persist(request);
        timeline.record(request.id, TimelineKind.OPENED, now, caller.userId());
        return request;
    }

    @Transactional
    public CertificationRequest acknowledge(UUID id, WizardStep step, Boolean acknowledged) {
        CertificationRequest request = loader.forChange(id);
        request.requireDraft();
        if (!Boolean.TRUE.equals(acknowledged)) {
            FieldErrors errors = new FieldErrors();
            errors.add("acknowledged", "must be true: read the " + step.pathName() + " and acknowledge it");
            errors.throwIfAny("The " + step.pathName() + " step");
        }
        request.acknowledge(step, Instant.now());
        return request;
    }

    @Transactional
    public CertificationRequest saveFiler(UUID id, FilerDetails filer) {
        CertificationRequest request = loader.forChange(id);
        request.saveFiler(filer, Instant.now());
        return request;
    }

    @Transactional
    public CertificationRequest saveEmployer(UUID id, EmployerDetails employer) {
        CertificationRequest request = loader.forChange(id);
        request.requireDraft();
        rules.refuseAgentFiling(request.spaceId, employer.registrationNumber());
        rules.requireNoOtherOpenRequest(request, employer.registrationNumber());
        request.saveEmployer(employer, Instant.now());
        rules.flushUnderOneOpenRequestRule(employer.registrationNumber());
        return request;
    }

    @Transactional
    public CertificationRequest saveAgents(UUID id, Boolean oneAgentForAllDomains, List<AgentDetails.Input> agents) {
        CertificationRequest request = loader.forChange(id);
        request.requireDraft();
        AgentsChoice choice = AgentsChoice.of(oneAgentForAllDomains, agents, request.employer);
        request.saveAgents(choice, Instant.now());
        return request;
    }

    /** Checks the code and keeps only its Argon2id hash; the code itself goes nowhere. */
    @Transactional
    public CertificationRequest saveSecurityCode(UUID id, String code, String confirmation) {
        CertificationRequest request = loader.forChange(id);
        request.requireDraft();
        FieldErrors errors = new FieldErrors();
        SecurityCodeRules.check(errors, code, confirmation);
        errors.throwIfAny("The security-code step");
        request.saveSecurityCodeHash(hasher.hash(code), Instant.now());
        return request;
    }

    @Transactional
    public void cancel(UUID id) {
        CertificationRequest request = loader.forChange(id);
        Instant now = Instant.now();
        request.cancel(now);
        timeline.record(request.id, TimelineKind.CANCELLED, now, caller.userId());
    }
}
