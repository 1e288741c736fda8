package lu.ccss.guichet.mandate.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lu.ccss.guichet.mandate.domain.CertificationAttempt;
import lu.ccss.guichet.mandate.domain.Mandate;
import lu.ccss.guichet.mandate.service.MandateService;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.idempotency.Idempotent;
import lu.ccss.guichet.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/spaces/{spaceId}/certifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Tag(name = "Certifications", description = "Procedure C: the Certifications tab of a space")
public class MandateResource {

    private final MandateService mandates;

    public MandateResource(MandateService mandates) {
        this.mandates = mandates;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Certify the space for one domain with an access code and a security code",
            description = "Role user; the caller administers the space. HOLDER (main mandate): the holder access "
                    + "code of the domain and the holder's security code. AGENT (obtained mandate): the agent access "
                    + "code of the domain and the agent security code. Codes are usable once their letter is posted, "
                    + "for {guichet.codes.validity}, once. A code with a typing error (its check character fails) is a 400 that does "
                    + "not count as an attempt. Codes that do not go together are a 422 that never says which one is "
                    + "wrong; {guichet.codes.max-failures-per-code} such failures on one access code lock it (event "
                    + "CodeLocked). A person or space failing {guichet.codes.rate-limit.max-failures} times within "
                    + "{guichet.codes.rate-limit.window} gets 429 with Retry-After. Success publishes CertificationGranted; the "
                    + "previous mandate of the employer, domain and capacity, if any, ends (MandateRevoked, "
                    + "REPLACED).")
    @APIResponse(responseCode = "201", description = "Certified; Location names the certification")
    @APIResponse(responseCode = "400", description = "A field is missing or a code is mistyped (fields named); not "
            + "counted as an attempt")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a user, or a member but not an administrator of the space")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces")
    @APIResponse(responseCode = "409", description = "The access code (or agent security code) cannot be used: not "
            + "yet posted, expired, already used, void or locked")
    @APIResponse(responseCode = "422", description = "The codes do not go together for this domain and capacity")
    @APIResponse(responseCode = "429", description = "Too many failed attempts recently; see Retry-After")
    public Response certify(@PathParam("spaceId") UUID spaceId,
                            @NotNull(message = "is required") @Valid MandateRequests.Certify body, UriInfo uri) {
        CertificationAttempt attempt = CertificationAttempt.of(body.domain(), body.capacity(), body.accessCode(),
                body.securityCode());
        Mandate granted = Argon2idHasher.inTurn(() -> mandates.certify(spaceId, attempt));
        return Response.created(uri.getAbsolutePathBuilder().path(granted.id.toString()).build())
                .entity(MandateViews.MandateView.of(granted, null)).build();
    }

    @GET
    @Operation(summary = "The space's certifications (the Certifications tab)",
            description = "Role user; the caller is a member of the space. Active certifications: employer, domain, "
                    + "holder or agent, since when; on a holder certification, the agent now acting for the employer "
                    + "in that domain.")
    @APIResponse(responseCode = "200", description = "The active certifications")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces")
    public List<MandateViews.MandateView> list(@PathParam("spaceId") UUID spaceId) {
        return mandates.ofSpace(spaceId).stream().map(this::view).toList();
    }

    @GET
    @Path("/{mandateId}")
    @Operation(summary = "One active certification of the space", description = "Role user; member of the space.")
    @APIResponse(responseCode = "200", description = "The certification")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces, or no such active "
            + "certification in it")
    public MandateViews.MandateView one(@PathParam("spaceId") UUID spaceId,
                                              @PathParam("mandateId") UUID mandateId) {
        return view(mandates.one(spaceId, mandateId));
    }

    @DELETE
    @Path("/{mandateId}")
    @Operation(summary = "Withdraw an agent's mandate",
            description = "Role user; the caller administers this space, which must be the employer's holder space "
                    + "for the domain of the agent's mandate. Publishes MandateRevoked with reason WITHDRAWN.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "403", description = "A member but not an administrator of the space")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces, or no mandate of that "
            + "id that this space can withdraw")
    @APIResponse(responseCode = "409", description = "The mandate already ended, or it is a holder certification "
            + "(which ends with the holder revocation code)")
    public Response withdraw(@PathParam("spaceId") UUID spaceId,
                             @PathParam("mandateId") UUID mandateId) {
        mandates.withdraw(spaceId, mandateId);
        return Response.noContent().build();
    }

    private MandateViews.MandateView view(Mandate c) {
        return MandateViews.MandateView.of(c, mandates.agentOf(c).orElse(null));
    }
}
