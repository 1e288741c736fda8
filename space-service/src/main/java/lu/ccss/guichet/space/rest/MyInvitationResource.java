package lu.ccss.guichet.space.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.platform.idempotency.Idempotent;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.space.service.InvitationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/invitations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Tag(name = "Collaborators", description = "Procedure D: invitations, users and roles")
public class MyInvitationResource {

    private final InvitationService invitations;

    public MyInvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    @GET
    @Operation(summary = "The open invitations made out to me", description = "Matched on the nationalId claim of the "
            + "caller's token; empty when the token carries none.")
    public List<SpaceViews.AwaitingInvitationView> mine() {
        return invitations.mine().stream().map(SpaceViews.AwaitingInvitationView::of).toList();
    }

    @POST
    @Path("/{invitationId}/accept")
    @Idempotent
    @Operation(summary = "Accept an invitation (the invitee)", description = "The nationalId claim of the caller's "
            + "token must be the invitation's national number. The caller joins the space with the role offered and "
            + "MemberAdded is published. Answers with the space joined.")
    @APIResponse(responseCode = "200", description = "Joined; the space, with the caller's role")
    @APIResponse(responseCode = "403", description = "The token carries no national number, or another one")
    @APIResponse(responseCode = "404", description = "No such invitation")
    @APIResponse(responseCode = "409", description = "Already accepted, withdrawn, the caller already belongs to the "
            + "space or to the most spaces allowed, or the caller acts as agent for an employer of which the space "
            + "is the holder")
    @APIResponse(responseCode = "410", description = "The invitation expired (after {guichet.space.invitation-validity})")
    public SpaceViews.SpaceView accept(@PathParam("invitationId") UUID invitationId) {
        return SpaceViews.SpaceView.of(invitations.accept(invitationId));
    }
}
