package lu.ccss.guichet.mandate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.CertificationEvents.Agent;
import lu.ccss.guichet.events.CertificationEvents.RequestTransmitted;
import lu.ccss.guichet.events.CodeAlphabet;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodeLetter;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.events.MandateEvents.LetterCode;
import lu.ccss.guichet.events.MandateEvents.LetterCodes;
import lu.ccss.guichet.events.MandateEvents.RecipientKind;
import lu.ccss.guichet.mandate.domain.AuditAction;
import lu.ccss.guichet.mandate.domain.AuditEntry;
import lu.ccss.guichet.mandate.domain.AuditOutcome;
import lu.ccss.guichet.mandate.domain.CodeIssuance;
import lu.ccss.guichet.mandate.domain.CodeRequest;
import lu.ccss.guichet.mandate.domain.IssuedCode;
import lu.ccss.guichet.mandate.domain.IssuedLetter;
import lu.ccss.guichet.mandate.domain.RequestAgent;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.domain.VoidReason;
import lu.ccss.guichet.mandate.repository.CodeIssuanceRepository;
import lu.ccss.guichet.mandate.repository.CodeRequestRepository;
import lu.ccss.guichet.mandate.repository.IssuedCodeRepository;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.outbox.Outbox;
import lu.ccss.guichet.platform.register.EmployerRegister;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues a request's codes: per domain a holder access code and a holder revocation code, per agent a security code
 * (all on the employer's letter), per agent and domain an agent access code (on the agent's letter). The plaintext
 * codes live only in memory, long enough to be sealed for the mailing-service; what is stored is their keyed or
 * Argon2id hash.
 */
@ApplicationScoped
public class CodeIssuer {

    static final String AGGREGATE = "request";
    private static final Logger LOG = Logger.getLogger(CodeIssuer.class);

    private final CodeRequestRepository requests;
    private final CodeIssuanceRepository issuances;
    private final IssuedCodeRepository codes;
    private final CodeSecrets secrets;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final EmployerRegister register;
    private final SecurityCodeKeys securityCodeKeys;

    public CodeIssuer(CodeRequestRepository requests, CodeIssuanceRepository issuances, IssuedCodeRepository codes,
                      CodeSecrets secrets, Outbox outbox, AuditTrail audit, ObjectMapper mapper,
                      EmployerRegister register, SecurityCodeKeys securityCodeKeys) {
        this.requests = requests;
        this.issuances = issuances;
        this.codes = codes;
        this.secrets = secrets;
        this.outbox = outbox;
        this.audit = audit;
        this.mapper = mapper;
        this.register = register;
        this.securityCodeKeys = securityCodeKeys;
    }

    /** On RequestTransmitted: keeps what letters need and issues the first codes, once per request. */
    @Transactional
    public void onRequestTransmitted(RequestTransmitted event) {
        TransmittedRequest.check(event);
        if (requests.findById(event.requestId()) != null) {
            LOG.infof("Codes for request %s were already issued; the repeated transmission is ignored",
                    event.requestId());
            return;
        }
        // Opened here, kept in this service's database: only this service checks the holder's security code.
        CodeRequest request = TransmittedRequest.toCodeRequest(event, securityCodeKeys.holderSecurityHash(event));
        requests.persist(request);
        List<RequestAgent> agents = mergedAgents(event);
        agents.forEach(requests::persistAgent);
        if (hasCeased(request.employer)) {
            LOG.warnf("Request %s is for an employer that ceased in the employer register: no codes issued",
                    event.requestId());
            audit.record(AuditEntry.of("system:certification-service", AuditAction.CODES_ISSUED, AuditOutcome.REFUSED)
                    .request(request.requestId, request.employer).detail("employer ceased in the employer register"));
            return;
        }
        issue(request, agents, "system:certification-service", AuditAction.CODES_ISSUED, null);
    }

    /** An operator voids the request's unused codes and issues a fresh set with new letters. */
    @Transactional
    public Reissue reissue(UUID requestId, String operator, String reason) {
        CodeRequest request = requests.findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("No codes were issued for request " + requestId));
        if (hasCeased(request.employer)) {
            throw DomainException.conflict("The employer of request " + requestId + " ceased in the employer "
                    + "register: its codes are void and none are reissued");
        }
        var now = Times.now();
        int voided = 0;
        for (IssuedCode code : codes.ofRequest(requestId)) {
            if (code.voidFor(VoidReason.REISSUED, now)) {
                voided++;
            }
        }
        issuances.currentOf(requestId).forEach(previous -> previous.supersededAt = now);
        audit.record(AuditEntry.of(operator, AuditAction.CODES_VOIDED, AuditOutcome.SUCCESS)
                .request(requestId, request.employer)
                .detail(voided + " unused code(s) voided by a reissue"));
        CodesIssued issued = issue(request, requests.agentsOf(requestId), operator, AuditAction.CODES_REISSUED,
                reason);
        return new Reissue(issued, voided);
    }

    /** The outcome of a reissue: the new issuance and how many unused codes it voided. */
    public record Reissue(CodesIssued issued, int voidedCodes) {
    }

    private CodesIssued issue(CodeRequest request, List<RequestAgent> agents, String actor, AuditAction action,
                              String reason) {
        CodeIssuance issuance = CodeIssuance.start(request.requestId, actor);
        issuances.persist(issuance);
        List<CodeLetter> letters = new ArrayList<>();

        IssuedLetter employerLetter = newLetter(issuance, RecipientKind.EMPLOYER, null);
        List<LetterCode> employerCodes = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            employerCodes.add(lookedUpCode(employerLetter, request, CodeKind.HOLDER_ACCESS, domain, null, null));
            employerCodes.add(lookedUpCode(employerLetter, request, CodeKind.HOLDER_REVOCATION, domain, null, null));
        }
        for (RequestAgent agent : agents) {
            String code = CodeFormat.AGENT_SECURITY.generate();
            codes.persist(IssuedCode.agentSecurity(employerLetter, request.employer, agent.registrationNumber(),
                    secrets.hashSecurityCode(code)));
            employerCodes.add(new LetterCode(CodeKind.AGENT_SECURITY, null, CodeAlphabet.print(code), agent.name,
                    agent.registrationNumber()));
        }
        letters.add(sealed(employerLetter, request.employerName, null, employerCodes));

        for (RequestAgent agent : agents) {
            IssuedLetter agentLetter = newLetter(issuance, RecipientKind.AGENT, agent.registrationNumber());
            List<LetterCode> agentCodes = new ArrayList<>();
            for (Domain domain : agent.domains()) {
                agentCodes.add(lookedUpCode(agentLetter, request, CodeKind.AGENT_ACCESS, domain, agent.name,
                        agent.registrationNumber()));
            }
            letters.add(sealed(agentLetter, agent.name, agent.registrationNumber(), agentCodes));
        }

        CodesIssued issued = new CodesIssued(request.requestId, request.reference, issuance.id, request.employer,
                request.language, letters, issuance.issuedAt);
        outbox.record(EventTypes.CODES_ISSUED, AGGREGATE, request.requestId, issued);
        LOG.infof("Issued codes for request %s (issuance %s, by %s): %d letter(s)", request.requestId, issuance.id,
                actor, letters.size());
        audit.record(AuditEntry.of(actor, action, AuditOutcome.SUCCESS)
                .request(request.requestId, request.employer)
                .detail("issuance " + issuance.id + ": " + letters.size() + " letter(s), " + agents.size()
                        + " agent(s)" + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip())));
        return issued;
    }

    private IssuedLetter newLetter(CodeIssuance issuance, RecipientKind kind, String agentRegistrationNumber) {
        IssuedLetter letter = IssuedLetter.of(issuance, kind, agentRegistrationNumber);
        issuances.persistLetter(letter);
        return letter;
    }

    private LetterCode lookedUpCode(IssuedLetter letter, CodeRequest request, CodeKind kind, Domain domain,
                                    String agentName, String agentRegistrationNumber) {
        String code = CodeFormat.ACCESS.generate();
        codes.persist(IssuedCode.lookedUp(letter, request.employer, kind, domain, agentRegistrationNumber,
                secrets.lookupHash(code)));
        return new LetterCode(kind, domain, CodeAlphabet.print(code), agentName, agentRegistrationNumber);
    }

    /** A letter names its recipient, never its address: the mailing-service addresses it from the register. */
    private CodeLetter sealed(IssuedLetter letter, String recipientName, String agentRegistrationNumber,
                              List<LetterCode> letterCodes) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(new LetterCodes(letter.id, letterCodes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the codes of letter " + letter.id);
        }
        try {
            return new CodeLetter(letter.id, letter.recipientKind, recipientName, agentRegistrationNumber,
                    secrets.seal(json));
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /** Codes never go to an employer the register says ceased (a register unaware of it does not stop them). */
    private boolean hasCeased(String employer) {
        return register.find(employer).filter(entry -> !entry.isActive()).isPresent();
    }

    /** Of two entries for the same agent, the one whose mandate ends first (no end counts as last). */
    private static Agent earlierEnd(Agent first, Agent second) {
        if (second.mandateEndsOn() == null) {
            return first;
        }
        return first.mandateEndsOn() == null || second.mandateEndsOn().isBefore(first.mandateEndsOn()) ? second : first;
    }

    /**
     * One entry per agent registration number, with the union of its domains and the earliest end date given;
     * agents without a domain get none.
     */
    private static List<RequestAgent> mergedAgents(RequestTransmitted event) {
        Map<String, Agent> byNumber = new LinkedHashMap<>();
        Map<String, EnumSet<Domain>> domains = new LinkedHashMap<>();
        for (Agent agent : event.agents() == null ? List.<Agent>of() : event.agents()) {
            byNumber.merge(agent.registrationNumber(), agent, CodeIssuer::earlierEnd);
            domains.computeIfAbsent(agent.registrationNumber(), n -> EnumSet.noneOf(Domain.class))
                    .addAll(agent.domains());
        }
        List<RequestAgent> agents = new ArrayList<>();
        byNumber.forEach((number, agent) -> {
            if (!domains.get(number).isEmpty()) {
                agents.add(RequestAgent.of(event.requestId(), number, agent.name(), domains.get(number),
                        agent.mandateEndsOn()));
            }
        });
        return agents;
    }
}
