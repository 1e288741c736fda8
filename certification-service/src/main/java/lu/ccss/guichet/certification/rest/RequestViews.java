package lu.ccss.guichet.certification.rest;

import lu.ccss.guichet.certification.domain.AgentDetails;
import lu.ccss.guichet.certification.domain.AgentsChoice;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.EmployerDetails;
import lu.ccss.guichet.certification.domain.FilerDetails;
import lu.ccss.guichet.certification.domain.RequestDocument;
import lu.ccss.guichet.certification.domain.RequestState;
import lu.ccss.guichet.certification.domain.TimelineEntry;
import lu.ccss.guichet.certification.domain.TimelineKind;
import lu.ccss.guichet.certification.domain.WizardStep;
import lu.ccss.guichet.certification.service.RequestDetails;
import lu.ccss.guichet.certification.service.RequestQueries;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.PostalAddress;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the certification request API. None of them ever holds the security code or its hash. */
public final class RequestViews {

    @Schema(name = "CertificationRequest", description = "A request, its current step, its review and its timeline")
    public record RequestView(
            UUID id,
            @Schema(example = "CCSS-2026-000123") String reference,
            UUID spaceId,
            RequestState state,
            @Schema(description = "What the filer does next: a step name, review (all steps saved, confirm next), "
                    + "signature, transmit; null once the request is closed") String currentStep,
            @Schema(description = "Steps not saved yet; confirm is refused until this is empty")
            List<String> missingSteps,
            String openedBy,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "When an open request expires if nobody changes it") Instant expiresAt,
            Instant confirmedAt,
            Instant signedAt,
            Instant transmittedAt,
            @Schema(description = "When it was cancelled or expired") Instant closedAt,
            Steps steps,
            @Schema(description = "Null until the request is confirmed") DocumentView document,
            List<TimelineView> timeline) {

        static RequestView of(RequestDetails details, Duration draftTtl) {
            CertificationRequest r = details.request();
            List<WizardStep> missing = r.missingSteps();
            return new RequestView(r.id, r.reference, r.spaceId, r.state, currentStep(r.state, missing),
                    missing.stream().map(WizardStep::pathName).toList(), r.openedBy, r.createdAt, r.updatedAt,
                    r.state.isOpen() ? r.updatedAt.plus(draftTtl) : null, r.confirmedAt, r.signedAt,
                    r.transmittedAt, r.closedAt, Steps.of(r), DocumentView.of(details.document()),
                    details.timeline().stream().map(TimelineView::of).toList());
        }

        private static String currentStep(RequestState state, List<WizardStep> missing) {
            return switch (state) {
                case DRAFT -> missing.isEmpty() ? "review" : missing.get(0).pathName();
                case CONFIRMED -> "signature";
                case SIGNED -> "transmit";
                default -> null;
            };
        }
    }

    @Schema(name = "RequestSteps", description = "Everything entered, for the review; never the security code")
    public record Steps(Acknowledged information, Acknowledged warning, FilerDetails filer, EmployerView employer,
                        AgentsView agents, SecurityCodeView securityCode) {
        static Steps of(CertificationRequest r) {
            EmployerDetails employer = r.employer();
            AgentsChoice agents = r.agentsChoice();
            return new Steps(new Acknowledged(r.informationAcknowledgedAt != null, r.informationAcknowledgedAt),
                    new Acknowledged(r.warningAcknowledgedAt != null, r.warningAcknowledgedAt), r.filer(),
                    employer == null ? null : new EmployerView(employer.registrationNumber(), employer.legalName(),
                            employer.address(), employer.language().code()),
                    agents == null ? null : new AgentsView(agents.oneAgentForAllDomains(),
                            agents.agents().stream().map(AgentView::of).toList()),
                    new SecurityCodeView(r.securityCodeSavedAt != null, r.securityCodeSavedAt));
        }
    }

    public record Acknowledged(boolean acknowledged, Instant acknowledgedAt) {
    }

    @Schema(name = "EmployerView", description = "The employer: its legal name and address are the employer "
            + "register's, re-read when the request is confirmed")
    public record EmployerView(String registrationNumber, String legalName, PostalAddress address, String language) {
    }

    @Schema(name = "AgentsView")
    public record AgentsView(boolean oneAgentForAllDomains, List<AgentView> agents) {
    }

    @Schema(name = "AgentView", description = "An agent: its name and address are the employer register's")
    public record AgentView(String registrationNumber, String name, PostalAddress address, String email,
                            List<Domain> domains,
                            @Schema(description = "The day the agent's mandates end (they expire as it starts); null "
                                    + "when it has no end "
                                    + "date", format = "date") LocalDate mandateEndsOn) {
        static AgentView of(AgentDetails a) {
            return new AgentView(a.registrationNumber(), a.name(), a.address(), a.email(), List.copyOf(a.domains()),
                    a.mandateEndsOn());
        }
    }

    @Schema(name = "SecurityCodeView", description = "Whether a security code was chosen; the code itself is never "
            + "shown")
    public record SecurityCodeView(boolean chosen, Instant chosenAt) {
    }

    @Schema(name = "DocumentView", description = "The document to sign, GET .../document")
    public record DocumentView(boolean signed, Instant renderedAt, String sha256, String signatureProvider,
                               String signerCertificate) {
        static DocumentView of(RequestDocument d) {
            return d == null ? null : new DocumentView(d.isSigned(), d.renderedAt,
                    d.isSigned() ? d.signedSha256 : d.unsignedSha256, d.signatureProvider, d.signerCertificate);
        }
    }

    @Schema(name = "TimelineEntry")
    public record TimelineView(TimelineKind kind, Instant occurredAt,
                               @Schema(description = "DOMAIN_CERTIFIED: the domain") Domain domain,
                               @Schema(description = "DOMAIN_CERTIFIED: as HOLDER or AGENT") Capacity capacity,
                               @Schema(description = "LETTER_POSTED: the kind of letter; CODES_ISSUED: how many "
                                       + "letters") String detail,
                               @Schema(description = "The user, for the request's own steps") String actor) {
        static TimelineView of(TimelineEntry e) {
            return new TimelineView(e.kind, e.occurredAt, e.domain, e.capacity, e.detail, e.actor);
        }
    }

    @Schema(name = "CertificationRequestSummary")
    public record RequestSummary(UUID id, String reference, UUID spaceId, RequestState state,
                                 String employer, String employerLegalName, Instant createdAt,
                                 Instant updatedAt, Instant transmittedAt) {
        static RequestSummary of(CertificationRequest r) {
            return new RequestSummary(r.id, r.reference, r.spaceId, r.state, r.employer,
                    r.employerLegalName, r.createdAt, r.updatedAt, r.transmittedAt);
        }
    }

    @Schema(name = "CertificationRequestPage")
    public record RequestPageView(List<RequestSummary> items, int page, int size, long totalItems, long totalPages) {
        static RequestPageView of(RequestQueries.RequestPage page) {
            return new RequestPageView(page.items().stream().map(RequestSummary::of).toList(), page.page(),
                    page.size(), page.totalItems(), (page.totalItems() + page.size() - 1) / page.size());
        }
    }

    private RequestViews() {
    }
}
