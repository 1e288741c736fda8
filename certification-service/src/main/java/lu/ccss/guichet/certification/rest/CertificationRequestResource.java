package lu.ccss.guichet.certification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lu.ccss.guichet.certification.config.CertificationConfig;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.WizardStep;
import lu.ccss.guichet.certification.rest.RequestViews.RequestSummary;
import lu.ccss.guichet.certification.rest.RequestViews.RequestView;
import lu.ccss.guichet.certification.service.RequestQueries;
import lu.ccss.guichet.certification.service.SubmissionService;
import lu.ccss.guichet.certification.service.WizardService;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.idempotency.Idempotent;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.platform.validation.Checked;
import lu.ccss.guichet.platform.validation.ValidUuid;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/certification-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Tag(name = "Certification requests", description = "Procedure B: « CCSS : Demande de certification d'espace "
        + "professionnel ». Role user; the caller must be a member of the filing space (404 otherwise, whether or not "
        + "the request exists).")
public class CertificationRequestResource {

    private static final String STEPS = Arrays.stream(WizardStep.values()).map(WizardStep::pathName)
            .collect(Collectors.joining(", "));

    private final WizardService wizard;
    private final SubmissionService submission;
    private final RequestQueries queries;
    private final CertificationConfig config;

    public CertificationRequestResource(WizardService wizard, SubmissionService submission, RequestQueries queries,
                                        CertificationConfig config) {
        this.wizard = wizard;
        this.submission = submission;
        this.queries = queries;
        this.config = config;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a draft request for a space", description = "Role user, member of the space. The "
            + "draft gets its reference at once. A draft untouched for {guichet.certification.draft-ttl} expires.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new request")
    @APIResponse(responseCode = "400", description = "spaceId missing or not a UUID")
    @APIResponse(responseCode = "404", description = "The caller is not a member of that space")
    public Response open(@NotNull(message = "is required") @Valid StepRequests.OpenRequest body, UriInfo uri) {
        CertificationRequest opened = wizard.open(body.spaceId());
        return Response.created(uri.getAbsolutePathBuilder().path(opened.id.toString()).build())
                .entity(view(opened.id)).build();
    }

    @GET
    @Operation(summary = "The requests of a space", description = "Role user, member of the space; newest first.")
    @APIResponse(responseCode = "200", description = "The requests, possibly none")
    @APIResponse(responseCode = "400", description = "spaceId missing or not a UUID")
    @APIResponse(responseCode = "404", description = "The caller is not a member of that space")
    public List<RequestSummary> ofSpace(@Parameter(description = "The space", required = true)
                                        @QueryParam("spaceId") @ValidUuid String spaceId) {
        return queries.ofSpace(Checked.uuid(spaceId)).stream().map(RequestSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A request: its current step, its review (every step's data, never the security code), "
            + "the steps still missing and its timeline")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    public RequestView one(@PathParam("id") UUID id) {
        return view(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/steps/information")
    @Operation(summary = "Step 1: acknowledge the information note", description = "Body {\"acknowledged\": true}.")
    @APIResponse(responseCode = "200", description = "Saved; the request")
    @APIResponse(responseCode = "400", description = "acknowledged is not true")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "The request is no longer a draft")
    public RequestView information(@PathParam("id") UUID id,
                                   @NotNull(message = "is required") @Valid StepRequests.Acknowledgement body) {
        wizard.acknowledge(id, WizardStep.INFORMATION);
        return view(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/steps/warning")
    @Operation(summary = "Step 2: acknowledge the warning", description = "Body {\"acknowledged\": true}.")
    @APIResponse(responseCode = "200", description = "Saved; the request")
    @APIResponse(responseCode = "400", description = "acknowledged is not true")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "The request is no longer a draft")
    public RequestView warning(@PathParam("id") UUID id,
                               @NotNull(message = "is required") @Valid StepRequests.Acknowledgement body) {
        wizard.acknowledge(id, WizardStep.WARNING);
        return view(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/steps/filer")
    @Operation(summary = "Step 3: the filer", description = "Last and first name 1 to 100 characters, a valid "
            + "e-mail, a phone number in international form (+ and 8 to 15 digits, spaces allowed).")
    @APIResponse(responseCode = "200", description = "Saved; the request")
    @APIResponse(responseCode = "400", description = "Every invalid field is named; nothing is saved")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "The request is no longer a draft")
    public RequestView filer(@PathParam("id") UUID id,
                             @NotNull(message = "is required") @Valid StepRequests.Filer body) {
        wizard.saveFiler(id, body.details());
        return view(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/steps/employer")
    @Operation(summary = "Step 4: the employer", description = "Registration number of 11 or 13 digits (a 13-digit "
            + "number must pass its Luhn and Verhoeff check digits) and correspondence language fr, de or en. The "
            + "number must be an active employer of the CCSS employer register, whose legal name and postal address "
            + "the request takes (they are never typed: codes go only to the registered address). Refused with 403 "
            + "when the filing space acts as the employer's agent: the employer files, never its agent.")
    @APIResponse(responseCode = "200", description = "Saved; the request, with the registered legal name and address")
    @APIResponse(responseCode = "400", description = "Every invalid field is named; registrationNumber also when the "
            + "number is not in the employer register, is ceased there, or is registered as a professional agent. "
            + "Nothing is saved")
    @APIResponse(responseCode = "403", description = "The space holds an agent mandate for this employer; the "
            + "detail says what to do instead")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "The request is no longer a draft, or the space already has "
            + "an open request for this employer")
    public RequestView employer(@PathParam("id") UUID id,
                                @NotNull(message = "is required") @Valid StepRequests.Employer body) {
        wizard.saveEmployer(id, body.number(), body.correspondenceLanguage());
        return view(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/steps/agents")
    @Operation(summary = "Step 5: the agents", description = "Zero or more agents, each with registration number, "
            + "e-mail, a non-empty set of domains and optionally the mandate's end date. Each agent must be an "
            + "active professional agent of the CCSS employer register, whose legal name and postal address the "
            + "request takes. A domain has at most one agent; an agent is listed once and is never the employer "
            + "itself; oneAgentForAllDomains is required, and when true exactly one agent is listed.")
    @APIResponse(responseCode = "200", description = "Saved; the request, with the registered names and addresses")
    @APIResponse(responseCode = "400", description = "Every invalid field is named (e.g. agents[1].domains; "
            + "agents[0].registrationNumber when the register does not hold it as an active professional agent; "
            + "agents[0].mandateEndsOn); nothing is saved")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "The request is no longer a draft")
    public RequestView agents(@PathParam("id") UUID id,
                              @NotNull(message = "is required") @Valid StepRequests.Agents body) {
        wizard.saveAgents(id, body.oneAgentForAllDomains(), body.inputs());
        return view(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/steps/security-code")
    @Operation(summary = "Step 6: the holder's security code", description = "The code is "
            + ValidSecurityCode.DESCRIPTION + ", typed twice (code and confirmation). Only its Argon2id hash is "
            + "kept; the code is never returned, logged or published, and errors never quote it.")
    @APIResponse(responseCode = "200", description = "Saved; the request (showing only that a code was chosen)")
    @APIResponse(responseCode = "400", description = "code or confirmation invalid (named, never quoted); nothing "
            + "is saved")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "The request is no longer a draft")
    public RequestView securityCode(@PathParam("id") UUID id,
                                    @NotNull(message = "is required") @Valid StepRequests.SecurityCode body) {
        Argon2idHasher.inTurn(() -> wizard.saveSecurityCode(id, body.code()));
        return view(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/steps/{step}")
    @Operation(hidden = true)
    public RequestView unknownStep(@PathParam("id") UUID id, @PathParam("step") String step) {
        throw DomainException.notFound("There is no step " + step + "; the steps are " + STEPS);
    }

    @POST
    @Path("/{id}/confirm")
    @Idempotent
    @Operation(summary = "Step 8: confirm", description = "Re-reads the CCSS employer register for the employer and "
            + "each agent and takes their legal names and addresses as they are now, then locks the data and renders "
            + "the document to sign: a PDF in the correspondence language with the request reference and every "
            + "step's data, never the security code.")
    @APIResponse(responseCode = "200", description = "Confirmed; the request, now waiting for its signature")
    @APIResponse(responseCode = "400", description = "The employer (employer.registrationNumber) or an agent "
            + "(agents[i].registrationNumber) has ceased or left the employer register since its step, or an agent's "
            + "mandate end date (agents[i].mandateEndsOn) is no longer ahead; nothing changes")
    @APIResponse(responseCode = "403", description = "The space holds an agent mandate for this employer")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "Steps are missing (named in the detail), or the request is no "
            + "longer a draft")
    public RequestView confirm(@PathParam("id") UUID id) {
        submission.confirm(id);
        return view(id);
    }

    @GET
    @Path("/{id}/document")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "The PDF to sign, or once signed the signed PDF", description = "Header X-Document-Signed "
            + "tells which.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "binary")))
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces, or not confirmed "
            + "yet")
    public Response document(@PathParam("id") UUID id) {
        RequestQueries.DocumentFile file = queries.document(id);
        return Response.ok(file.pdf(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + file.reference()
                        + (file.signed() ? "-signed" : "") + ".pdf\"")
                .header("X-Document-Signed", file.signed())
                .build();
    }

    @POST
    @Path("/{id}/signature")
    @Idempotent
    @Operation(summary = "Step 9: sign the document", description = "Signs through the configured signing port "
            + "(guichet.signing.provider). The local adapter signs at once with a real key (an embedded PDF "
            + "signature, adbe.pkcs7.detached); the LuxTrust adapter is not reachable from this environment and "
            + "answers 503.")
    @APIResponse(responseCode = "200", description = "Signed; the request, ready to transmit")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "The request is not waiting for its signature")
    @APIResponse(responseCode = "503", description = "The signing provider is not reachable; nothing changed")
    public RequestView sign(@PathParam("id") UUID id) {
        submission.sign(id);
        return view(id);
    }

    @POST
    @Path("/{id}/transmit")
    @Idempotent
    @Operation(summary = "Step 10: transmit", description = "Only a signed request. It becomes TRANSMITTED "
            + "(« Démarche transmise à l'organisme compétent ») and RequestTransmitted is published, once; its data "
            + "never changes afterwards.")
    @APIResponse(responseCode = "200", description = "Transmitted; the request")
    @APIResponse(responseCode = "403", description = "The space holds an agent mandate for this employer")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "Not signed, or already transmitted (nothing is published)")
    public RequestView transmit(@PathParam("id") UUID id) {
        submission.transmit(id);
        return view(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a request that was not transmitted", description = "Its security-code hash is "
            + "erased; the space may then file a new request for the same employer.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such request among the caller's spaces")
    @APIResponse(responseCode = "409", description = "Already transmitted, cancelled or expired")
    public void cancel(@PathParam("id") UUID id) {
        wizard.cancel(id);
    }

    private RequestView view(UUID id) {
        return RequestView.of(queries.details(id), config.draftTtl());
    }
}
