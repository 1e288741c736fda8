package lu.ccss.guichet.space.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lu.ccss.guichet.platform.idempotency.Idempotent;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.space.domain.Invitation;
import lu.ccss.guichet.space.domain.InvitationDetails;
import lu.ccss.guichet.space.service.InvitationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/spaces/{spaceId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Tag(name = "Collaborators", description = "Procedure D: invitations, users and roles")
public class InvitationResource {

    private final InvitationService invitations;

    public InvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    @POST
    @Idempotent
    @Operation(summary = "Invite a collaborator (administrators)", description = "Invites a person by name, e-mail "
            + "and national identification number (13 digits; the 12th is the Luhn and the 13th the Verhoeff check "
            + "digit of the first 11) with a role, ADMINISTRATOR or MEMBER. The invitation is valid "
            + "{guichet.space.invitation-validity}; the invitee accepts it after signing in with an identity carrying "
            + "that national number. The national "
            + "number is never stored: only a keyed hash and its last three digits. Agents are not collaborators: "
            + "a person who belongs to a space holding an agent mandate for an employer of which this space is the "
            + "certified holder is refused (409), see procedures B and C.")
    @APIResponse(responseCode = "201", description = "Invited; Location names the invitation")
    @APIResponse(responseCode = "400", description = "Invalid name, email, nationalId or role (the fields are named)")
    @APIResponse(responseCode = "403", description = "The caller is a member but not an administrator of the space")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces")
    @APIResponse(responseCode = "409", description = "The person already belongs to the space, already has an open "
            + "invitation to it, or acts as agent for an employer of which this space is the holder")
    @APIResponse(responseCode = "429", description = "The space sent {guichet.space.max-invitations-per-day} "
            + "invitations within 24 hours; Retry-After says when to try again")
    public Response invite(@PathParam("spaceId") UUID spaceId,
                           @NotNull(message = "is required") @Valid SpaceRequests.Invite body, UriInfo uri) {
        Invitation invitation = invitations.invite(spaceId,
                InvitationDetails.of(body.name(), body.email(), body.nationalId(), body.role()));
        return Response.created(uri.getAbsolutePathBuilder().path(invitation.id.toString()).build())
                .entity(SpaceViews.InvitationView.of(invitation)).build();
    }

    @GET
    @Operation(summary = "The invitations of a space, newest first (administrators)", description = "Status PENDING, "
            + "ACCEPTED, WITHDRAWN or EXPIRED; the invitee's national number shows only its last three digits.")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator of the space")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces")
    public List<SpaceViews.InvitationView> list(@PathParam("spaceId") UUID spaceId) {
        return invitations.ofSpace(spaceId).stream().map(SpaceViews.InvitationView::of).toList();
    }

    @GET
    @Path("/{invitationId}")
    @Operation(summary = "One invitation of a space (administrators)")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator of the space")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces, or no such invitation")
    public SpaceViews.InvitationView one(@PathParam("spaceId") UUID spaceId,
                                         @PathParam("invitationId") UUID invitationId) {
        return SpaceViews.InvitationView.of(invitations.one(spaceId, invitationId));
    }

    @DELETE
    @Path("/{invitationId}")
    @Operation(summary = "Withdraw an invitation (administrators)", description = "The invitation can no longer be "
            + "accepted. Withdrawing a withdrawn invitation changes nothing.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator of the space")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces, or no such invitation")
    @APIResponse(responseCode = "409", description = "The invitation was already accepted")
    public void withdraw(@PathParam("spaceId") UUID spaceId, @PathParam("invitationId") UUID invitationId) {
        invitations.withdraw(spaceId, invitationId);
    }
}
