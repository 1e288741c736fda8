package lu.ccss.guichet.certification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.errors.FieldErrors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A certification request (procedure B, « CCSS : Demande de certification d'espace professionnel ») filed by a space
 * for an employer. Its steps are saved while it is a {@link RequestState#DRAFT draft}; confirming locks them.
 * The security code is only ever held as its Argon2id hash.
 */
@Entity
@Table(name = "certification_request")
public class CertificationRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Human-readable reference, e.g. {@code CCSS-2026-000123}: on the document, the letters and the timeline. */
    @Column(nullable = false, unique = true)
    public String reference;

    @Column(name = "space_id", nullable = false)
    public UUID spaceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestState state;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Last change by a person; a draft untouched for long expires. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "information_acknowledged_at")
    public Instant informationAcknowledgedAt;

    @Column(name = "warning_acknowledged_at")
    public Instant warningAcknowledgedAt;

    @Column(name = "filer_last_name")
    public String filerLastName;
    @Column(name = "filer_first_name")
    public String filerFirstName;
    @Column(name = "filer_email")
    public String filerEmail;
    @Column(name = "filer_phone")
    public String filerPhone;

    @Column(name = "employer")
    public String employer;
    @Column(name = "employer_legal_name")
    public String employerLegalName;
    @Column(name = "employer_street")
    public String employerStreet;
    @Column(name = "employer_house_number")
    public String employerHouseNumber;
    @Column(name = "employer_postcode")
    public String employerPostcode;
    @Column(name = "employer_locality")
    public String employerLocality;
    @Column(name = "employer_country")
    public String employerCountry;
    @Column(name = "employer_language")
    public String employerLanguage;

    /** When the agents step was last saved (it may list no agent at all). */
    @Column(name = "agents_saved_at")
    public Instant agentsSavedAt;

    @Column(name = "one_agent_for_all_domains")
    public Boolean oneAgentForAllDomains;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<RequestAgent> agents = new ArrayList<>();

    /**
     * Argon2id PHC string of the security code; never the code. Cleared once it was transmitted, or when the request
     * is cancelled or expires.
     */
    @Column(name = "security_code_hash")
    public String securityCodeHash;

    @Column(name = "security_code_saved_at")
    public Instant securityCodeSavedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "transmitted_at")
    public Instant transmittedAt;

    /** When it was cancelled or expired. */
    @Column(name = "closed_at")
    public Instant closedAt;

    public static CertificationRequest open(UUID spaceId, String reference, String openedBy, Instant now) {
        CertificationRequest request = new CertificationRequest();
        request.id = UUID.randomUUID();
        request.reference = reference;
        request.spaceId = spaceId;
        request.state = RequestState.DRAFT;
        request.openedBy = openedBy;
        request.createdAt = now;
        request.updatedAt = now;
        return request;
    }

    // --- the steps -----------------------------------------------------------------------------------------------

    public void acknowledge(WizardStep step, Instant now) {
        requireDraft();
        if (step == WizardStep.INFORMATION) {
            informationAcknowledgedAt = now;
        } else if (step == WizardStep.WARNING) {
            warningAcknowledgedAt = now;
        } else {
            throw new IllegalArgumentException(step + " is not acknowledged");
        }
        updatedAt = now;
    }

    public void saveFiler(FilerDetails filer, Instant now) {
        requireDraft();
        filerLastName = filer.lastName();
        filerFirstName = filer.firstName();
        filerEmail = filer.email();
        filerPhone = filer.phone();
        updatedAt = now;
    }

    public void saveEmployer(EmployerDetails employer, Instant now) {
        requireDraft();
        FieldErrors errors = new FieldErrors();
        for (RequestAgent agent : agents) {
            if (agent.registrationNumber.equals(employer.registrationNumber())) {
                errors.add("registrationNumber", "is the registration number of agent " + agent.name
                        + " (step agents): the employer is never its own agent");
            }
        }
        errors.throwIfAny("The employer step");
        this.employer = employer.registrationNumber();
        registeredAs(employer.legalName(), employer.address());
        employerLanguage = employer.language().code();
        updatedAt = now;
    }

    private void registeredAs(String legalName, PostalAddress address) {
        employerLegalName = legalName;
        employerStreet = address.street();
        employerHouseNumber = address.number();
        employerPostcode = address.postcode();
        employerLocality = address.locality();
        employerCountry = address.country();
    }

    /**
     * Names and addresses the employer and the agents as the employer register has them now ({@code agents} index for
     * index with {@link #agents}); only while the request can still be confirmed.
     */
    public void refreshFromRegister(RegisteredParty employerNow, List<RegisteredParty> agentsNow) {
        requireConfirmable();
        if (!employerNow.registrationNumber().equals(employer) || agentsNow.size() != agents.size()) {
            throw new IllegalArgumentException("The register entries are not this request's parties");
        }
        registeredAs(employerNow.legalName(), employerNow.address());
        for (int i = 0; i < agents.size(); i++) {
            agents.get(i).registeredAs(agentsNow.get(i));
        }
    }

    public void saveAgents(AgentsChoice choice, Instant now) {
        requireDraft();
        agents.clear();
        for (int i = 0; i < choice.agents().size(); i++) {
            agents.add(RequestAgent.of(this, i, choice.agents().get(i)));
        }
        oneAgentForAllDomains = choice.oneAgentForAllDomains();
        agentsSavedAt = now;
        updatedAt = now;
    }

    public void saveSecurityCodeHash(String argon2idHash, Instant now) {
        requireDraft();
        if (!argon2idHash.startsWith("$argon2id$")) {
            throw new IllegalArgumentException("Only an Argon2id hash is kept");
        }
        securityCodeHash = argon2idHash;
        securityCodeSavedAt = now;
        updatedAt = now;
    }

    // --- reading the steps ---------------------------------------------------------------------------------------

    public FilerDetails filer() {
        return filerLastName == null ? null : new FilerDetails(filerLastName, filerFirstName, filerEmail, filerPhone);
    }

    public EmployerDetails employer() {
        return employer == null ? null : new EmployerDetails(employer,
                employerLegalName, new PostalAddress(employerStreet, employerHouseNumber, employerPostcode,
                employerLocality, employerCountry), Language.of(employerLanguage));
    }

    public AgentsChoice agentsChoice() {
        return agentsSavedAt == null ? null : new AgentsChoice(Boolean.TRUE.equals(oneAgentForAllDomains),
                agents.stream().map(RequestAgent::details).collect(Collectors.toList()));
    }

    public boolean isDone(WizardStep step) {
        return switch (step) {
            case INFORMATION -> informationAcknowledgedAt != null;
            case WARNING -> warningAcknowledgedAt != null;
            case FILER -> filerLastName != null;
            case EMPLOYER -> employer != null;
            case AGENTS -> agentsSavedAt != null;
            case SECURITY_CODE -> securityCodeSavedAt != null;
        };
    }

    public List<WizardStep> missingSteps() {
        List<WizardStep> missing = new ArrayList<>();
        for (WizardStep step : WizardStep.values()) {
            if (!isDone(step)) {
                missing.add(step);
            }
        }
        return missing;
    }

    // --- the life of the request ---------------------------------------------------------------------------------

    /** 409 unless the request is a draft with every step saved. */
    public void requireConfirmable() {
        requireDraft();
        List<WizardStep> missing = missingSteps();
        if (!missing.isEmpty()) {
            throw DomainException.conflict("The request cannot be confirmed yet: these steps are missing: "
                    + missing.stream().map(WizardStep::pathName).collect(Collectors.joining(", ")));
        }
    }

    public void confirm(Instant now) {
        requireConfirmable();
        state = RequestState.CONFIRMED;
        confirmedAt = now;
        updatedAt = now;
    }

    public void signed(Instant now) {
        requireState(RequestState.CONFIRMED, "signed", "only a confirmed request waiting for its signature");
        state = RequestState.SIGNED;
        signedAt = now;
        updatedAt = now;
    }

    public void transmitted(Instant now) {
        requireState(RequestState.SIGNED, "transmitted", "only a signed request");
        state = RequestState.TRANSMITTED;
        transmittedAt = now;
        // The hash leaves with the RequestTransmitted event; this service has no further use for it.
        securityCodeHash = null;
        updatedAt = now;
    }

    public void cancel(Instant now) {
        if (!state.isOpen()) {
            throw DomainException.conflict("The request is " + state + " and can no longer be cancelled");
        }
        close(RequestState.CANCELLED, now);
    }

    public void expire(Instant now) {
        close(RequestState.EXPIRED, now);
    }

    private void close(RequestState closed, Instant now) {
        state = closed;
        closedAt = now;
        // A request that will never be transmitted has no use for the hash of its security code.
        securityCodeHash = null;
        updatedAt = now;
    }

    public void requireDraft() {
        if (state != RequestState.DRAFT) {
            throw DomainException.conflict("The request is " + state + ": its data is locked"
                    + (state == RequestState.CONFIRMED || state == RequestState.SIGNED
                    ? " since it was confirmed; cancel it and file a new one to change it" : ""));
        }
    }

    private void requireState(RequestState expected, String action, String who) {
        if (state != expected) {
            throw DomainException.conflict("The request is " + state + ": " + who + " can be " + action);
        }
    }
}
