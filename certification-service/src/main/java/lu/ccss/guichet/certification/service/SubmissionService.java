package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.certification.document.RequestDocumentRenderer;
import lu.ccss.guichet.certification.domain.AgentDetails;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.EmployerDetails;
import lu.ccss.guichet.certification.domain.FilerDetails;
import lu.ccss.guichet.certification.domain.RegisteredParty;
import lu.ccss.guichet.certification.domain.RequestDocument;
import lu.ccss.guichet.certification.domain.TimelineKind;
import lu.ccss.guichet.certification.repository.RequestDocumentRepository;
import lu.ccss.guichet.certification.signing.SignatureDetails;
import lu.ccss.guichet.certification.signing.SignedPdf;
import lu.ccss.guichet.certification.signing.SigningPort;
import lu.ccss.guichet.certification.signing.SigningPorts;
import lu.ccss.guichet.events.CertificationEvents;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.platform.outbox.Outbox;
import lu.ccss.guichet.platform.security.Caller;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Procedure B, steps 8 to 10: confirm (lock and render), sign, transmit. */
@ApplicationScoped
public class SubmissionService {

    static final String AGGREGATE = "certification-request";
    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final RequestLoader loader;
    private final FilingRules rules;
    private final RequestDocumentRepository documents;
    private final RequestDocumentRenderer renderer;
    private final SigningPorts signing;
    private final Timeline timeline;
    private final Outbox outbox;
    private final Caller caller;
    private final RegisteredParties parties;
    private final AgentMandateEnd mandateEnd;
    private final SecurityCodeSealer sealer;

    public SubmissionService(RequestLoader loader, FilingRules rules, RequestDocumentRepository documents,
                             RequestDocumentRenderer renderer, SigningPorts signing, Timeline timeline, Outbox outbox,
                             Caller caller, RegisteredParties parties, AgentMandateEnd mandateEnd,
                             SecurityCodeSealer sealer) {
        this.loader = loader;
        this.rules = rules;
        this.documents = documents;
        this.renderer = renderer;
        this.signing = signing;
        this.timeline = timeline;
        this.outbox = outbox;
        this.caller = caller;
        this.parties = parties;
        this.mandateEnd = mandateEnd;
        this.sealer = sealer;
    }

    /**
     * Locks the data (409 naming the missing steps) and renders the document to sign, with the employer and the agents
     * named and addressed as the employer register has them now (400 naming the one that ceased or left it, or an
     * agent's mandate end date that is no longer ahead).
     */
    @Transactional
    public CertificationRequest confirm(UUID id) {
        CertificationRequest request = loader.forChange(id);
        Instant now = Instant.now();
        request.requireConfirmable();
        rules.refuseAgentFiling(request.spaceId, request.employer);
        refreshFromRegister(request);
        request.confirm(now);
        RequestDocument document = new RequestDocument();
        document.requestId = request.id;
        document.unsignedPdf = renderer.render(request);
        document.unsignedSha256 = sha256(document.unsignedPdf);
        document.renderedAt = now;
        documents.persist(document);
        timeline.record(request.id, TimelineKind.CONFIRMED, now, caller.userId());
        return request;
    }

    /** Re-reads the register for every party, and checks again that each mandate end date is still ahead. */
    private void refreshFromRegister(CertificationRequest request) {
        FieldErrors errors = new FieldErrors();
        RegisteredParty employer = parties.employer(request.employer, "employer.registrationNumber", errors);
        List<RegisteredParty> agents = new ArrayList<>();
        for (int i = 0; i < request.agents.size(); i++) {
            agents.add(parties.agent(request.agents.get(i).registrationNumber, "agents[" + i + "].registrationNumber",
                    errors));
            mandateEnd.check(request.agents.get(i).mandateEndsOn, "agents[" + i + "].mandateEndsOn", errors);
        }
        errors.throwIfAny("The request (the CCSS employer register or the date changed since its steps were saved)");
        request.refreshFromRegister(employer, agents);
    }

    /** Signs the document through the configured signing port; an adapter that cannot sign leaves it unsigned. */
    @Transactional
    public CertificationRequest sign(UUID id) {
        CertificationRequest request = loader.forChange(id);
        Instant now = Instant.now();
        request.signed(now);
        RequestDocument document = documents.findById(request.id);
        FilerDetails filer = request.filer();
        SigningPort port = signing.current();
        SignedPdf signed = port.sign(document.unsignedPdf, new SignatureDetails(
                filer.firstName() + " " + filer.lastName(), RequestDocumentRenderer.signatureReason(request), null,
                now));
        document.signedPdf = signed.pdf();
        document.signedSha256 = sha256(signed.pdf());
        document.signatureProvider = port.provider();
        document.signerCertificate = truncate(signed.certificateSubject(), 500);
        timeline.record(request.id, TimelineKind.SIGNED, now, caller.userId());
        return request;
    }

    /**
     * Transmits a signed request: it becomes TRANSMITTED and {@code RequestTransmitted} is published with it, once.
     * The row lock makes a second (or concurrent) transmit see TRANSMITTED and get 409, publishing nothing. The
     * holder's security-code hash leaves only sealed for the mandate-service (so the outbox row holds only the sealed
     * form) and the request row forgets it in the same transaction.
     */
    @Transactional
    public CertificationRequest transmit(UUID id) {
        CertificationRequest request = loader.forChange(id);
        Instant now = Instant.now();
        String securityCodeHash = request.securityCodeHash;
        request.transmitted(now);
        rules.refuseAgentFiling(request.spaceId, request.employer);
        outbox.record(EventTypes.REQUEST_TRANSMITTED, AGGREGATE, request.id,
                event(request, sealer.seal(securityCodeHash, request.id), now));
        timeline.record(request.id, TimelineKind.TRANSMITTED, now, caller.userId());
        LOG.infof("Certification request %s (%s) of space %s transmitted by %s", request.reference, request.id,
                request.spaceId, caller.userId());
        return request;
    }

    private static CertificationEvents.RequestTransmitted event(CertificationRequest request,
                                                                CertificationEvents.SealedSecurityCodeHash sealedHash,
                                                                Instant now) {
        EmployerDetails employer = request.employer();
        FilerDetails filer = request.filer();
        List<CertificationEvents.Agent> agents = request.agentsChoice().agents().stream()
                .map(SubmissionService::agent).toList();
        // No address and no e-mail or phone: the register is where letters go, and no consumer needs a contact.
        return new CertificationEvents.RequestTransmitted(request.id, request.reference, request.spaceId,
                new CertificationEvents.Employer(employer.registrationNumber(), employer.legalName(),
                        employer.language().code()),
                new CertificationEvents.Filer(filer.lastName(), filer.firstName()),
                agents, sealedHash, now);
    }

    private static CertificationEvents.Agent agent(AgentDetails agent) {
        return new CertificationEvents.Agent(agent.registrationNumber(), agent.name(), agent.domains(),
                agent.mandateEndsOn());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
