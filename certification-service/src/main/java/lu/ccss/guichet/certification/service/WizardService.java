package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.certification.domain.AgentDetails;
import lu.ccss.guichet.certification.domain.AgentsChoice;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.EmployerDetails;
import lu.ccss.guichet.certification.domain.FilerDetails;
import lu.ccss.guichet.certification.domain.RegisteredParty;
import lu.ccss.guichet.certification.domain.TimelineKind;
import lu.ccss.guichet.certification.domain.WizardStep;
import lu.ccss.guichet.certification.repository.CertificationRequestRepository;
import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.platform.membership.SpaceAccess;
import lu.ccss.guichet.platform.security.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Procedure B, steps 1 to 6: a member of a space opens a draft and saves each step on its own. The request bodies'
 * annotations have checked the fields; a step that breaks a rule of the request's state, or names an employer or an
 * agent the employer register does not hold as such ({@link RegisteredParties}), is refused with every offending
 * field named, and writes nothing.
 */
@ApplicationScoped
public class WizardService {

    private final CertificationRequestRepository requests;
    private final RequestLoader loader;
    private final FilingRules rules;
    private final Timeline timeline;
    private final SpaceAccess access;
    private final Caller caller;
    private final RegisteredParties parties;
    private final AgentMandateEnd mandateEnd;
    private final Argon2idHasher hasher = Argon2idHasher.withDefaults();

    public WizardService(CertificationRequestRepository requests, RequestLoader loader, FilingRules rules,
                         Timeline timeline, SpaceAccess access, Caller caller, RegisteredParties parties,
                         AgentMandateEnd mandateEnd) {
        this.requests = requests;
        this.loader = loader;
        this.rules = rules;
        this.timeline = timeline;
        this.access = access;
        this.caller = caller;
        this.parties = parties;
        this.mandateEnd = mandateEnd;
    }

    @Transactional
    public CertificationRequest open(UUID spaceId) {
        access.requireMember(spaceId);
        rules.requireRoomForAnotherOpenRequest(spaceId);
        Instant now = Instant.now();
        CertificationRequest request = CertificationRequest.open(spaceId, requests.nextReference(now),
                caller.userId(), now);
        requests.persist(request);
        timeline.record(request.id, TimelineKind.OPENED, now, caller.userId());
        return request;
    }

    @Transactional
    public CertificationRequest acknowledge(UUID id, WizardStep step) {
        CertificationRequest request = loader.forChange(id);
        request.acknowledge(step, Instant.now());
        return request;
    }

    @Transactional
    public CertificationRequest saveFiler(UUID id, FilerDetails filer) {
        CertificationRequest request = loader.forChange(id);
        request.saveFiler(filer, Instant.now());
        return request;
    }

    /**
     * Saves the employer {@code registrationNumber} (without spaces) as the employer register names and addresses it;
     * 400 naming registrationNumber when the register does not hold it as an active employer.
     */
    @Transactional
    public CertificationRequest saveEmployer(UUID id, String registrationNumber, Language language) {
        CertificationRequest request = loader.forChange(id);
        request.requireDraft();
        EmployerDetails employer = EmployerDetails.of(parties.employer(registrationNumber, "registrationNumber"),
                language);
        rules.refuseAgentFiling(request.spaceId, employer.registrationNumber());
        rules.requireNoOtherOpenRequest(request, employer.registrationNumber());
        request.saveEmployer(employer, Instant.now());
        rules.flushUnderOneOpenRequestRule(employer.registrationNumber());
        return request;
    }

    @Transactional
    public CertificationRequest saveAgents(UUID id, boolean oneAgentForAllDomains, List<AgentDetails.Input> agents) {
        CertificationRequest request = loader.forChange(id);
        request.requireDraft();
        FieldErrors errors = new FieldErrors();
        List<RegisteredParty> registered = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            String prefix = "agents[" + i + "]";
            registered.add(parties.agent(agents.get(i).number(), prefix + ".registrationNumber", errors));
            mandateEnd.check(agents.get(i).mandateEndsOn(), prefix + ".mandateEndsOn", errors);
        }
        AgentsChoice choice = AgentsChoice.of(oneAgentForAllDomains, agents, registered, request.employer, errors);
        request.saveAgents(choice, Instant.now());
        return request;
    }

    /** Keeps only the Argon2id hash of a code the request's annotations checked; the code itself goes nowhere. */
    @Transactional
    public CertificationRequest saveSecurityCode(UUID id, String code) {
        CertificationRequest request = loader.forChange(id);
        request.requireDraft();
        rules.countSecurityCodeHashing(caller.userId(), Instant.now());
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
