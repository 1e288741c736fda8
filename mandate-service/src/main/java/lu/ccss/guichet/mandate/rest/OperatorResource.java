package lu.ccss.guichet.mandate.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.mandate.service.AuditTrail;
import lu.ccss.guichet.mandate.service.CodeIssuer;
import lu.ccss.guichet.platform.idempotency.Idempotent;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.platform.validation.Checked;
import lu.ccss.guichet.platform.validation.ValidRegistrationNumber;
import lu.ccss.guichet.platform.validation.WholeNumber;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/operator")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_OPERATOR)
@Tag(name = "Operator", description = "CCSS operators: reissue codes, read the audit trail")
public class OperatorResource {

    private final CodeIssuer issuer;
    private final AuditTrail audit;
    private final Caller caller;

    public OperatorResource(CodeIssuer issuer, AuditTrail audit, Caller caller) {
        this.issuer = issuer;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @Path("/requests/{requestId}/reissue")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Void a request's unused codes and issue fresh ones with new letters",
            description = "Role ccss-operator. Every unused code of the request becomes void; a new CodesIssued "
                    + "(new issuanceId, new codeLetterIds) goes to the mailing-service. The holder's security code is "
                    + "unchanged; agents get new security codes. The body is optional.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MandateRequests.Reissue.class)))
    @APIResponse(responseCode = "200", description = "Reissued: the new issuance and its letters (never codes)")
    @APIResponse(responseCode = "400", description = "reason longer than 300 characters or not one line")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "404", description = "No codes were ever issued for that request")
    public MandateViews.ReissueView reissue(@PathParam("requestId") UUID requestId,
                                            @Valid MandateRequests.Reissue body) {
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null
                : body.reason().strip();
        return MandateViews.ReissueView.of(issuer.reissue(requestId, caller.userId(), reason));
    }

    @GET
    @Path("/audit")
    @Operation(summary = "The audit trail of an employer's codes and mandates",
            description = "Role ccss-operator. Append-only entries, oldest first: who, what, when, request, space, "
                    + "certification and code ids, outcome; never a code. Page with afterSeq (the last seq seen) and "
                    + "limit (1 to 1000). Failed attempts with an access code that matches no code cannot be tied to "
                    + "an employer and are not listed here.")
    @APIResponse(responseCode = "200", description = "The entries")
    @APIResponse(responseCode = "400", description = "employer missing or not 11 or 13 digits, or afterSeq or limit "
            + "not a whole number in range (parameters named)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    public List<MandateViews.AuditView> audit(
            @Parameter(description = "Employer registration number: 11 or 13 digits", required = true)
            @QueryParam("employer") @ValidRegistrationNumber String employer,
            @Parameter(description = "Only entries after this seq (default 0)") @QueryParam("afterSeq")
            @WholeNumber(min = 0, max = Long.MAX_VALUE) String afterSeq,
            @Parameter(description = "At most this many entries, 1 to 1000 (default 1000)") @QueryParam("limit")
            @WholeNumber(min = 1, max = AuditTrail.MAX_PAGE) String limit) {
        return audit.ofEmployer(RegistrationNumber.normalise(employer.strip()), Checked.wholeNumber(afterSeq, 0),
                        (int) Checked.wholeNumber(limit, AuditTrail.MAX_PAGE))
                .stream().map(MandateViews.AuditView::of).toList();
    }
}
