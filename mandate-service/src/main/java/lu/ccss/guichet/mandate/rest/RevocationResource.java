package lu.ccss.guichet.mandate.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.mandate.service.RevocationService;
import lu.ccss.guichet.platform.idempotency.Idempotent;
import lu.ccss.guichet.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/revocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Tag(name = "Revocations", description = "Holder revocation codes")
public class RevocationResource {

    private final RevocationService revocations;

    public RevocationResource(RevocationService revocations) {
        this.revocations = revocations;
    }

    @POST
    @Idempotent
    @Operation(summary = "Use a holder revocation code",
            description = "Role user (whoever holds the employer's letter). The code's domain is implied by the "
                    + "code. Ends the holder mandate of that employer and domain (MandateRevoked, "
                    + "REVOKED_BY_CODE) when it was obtained with an access code of the same letter, and voids the "
                    + "domain's holder access code if still unused. Single use; usable once its letter is posted, for "
                    + "{guichet.codes.validity}. A mistyped code is a 400 that does not count as an attempt; an "
                    + "unknown code is a 422 and counts towards the caller's rate limit (429 with Retry-After).")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "400", description = "revocationCode missing or mistyped")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a user")
    @APIResponse(responseCode = "409", description = "The code cannot be used (not yet posted, expired, used, void), "
            + "there is nothing to revoke, or the holder mandate was obtained with another letter's codes (nothing "
            + "changes)")
    @APIResponse(responseCode = "422", description = "Not a valid revocation code")
    @APIResponse(responseCode = "429", description = "Too many failed attempts recently; see Retry-After")
    public MandateViews.RevocationView revoke(@NotNull(message = "is required") @Valid MandateRequests.Revoke body) {
        return MandateViews.RevocationView.of(revocations.revoke(body.revocationCode()));
    }
}
