package lu.ccss.guichet.space.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.platform.validation.Checked;
import lu.ccss.guichet.space.service.MemberService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/spaces/{spaceId}/members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Tag(name = "Collaborators", description = "Procedure D: invitations, users and roles")
public class MemberResource {

    private final MemberService members;

    public MemberResource(MemberService members) {
        this.members = members;
    }

    @GET
    @Operation(summary = "The users of a space and their roles")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces")
    public List<SpaceViews.MemberView> members(@PathParam("spaceId") UUID spaceId) {
        return members.members(spaceId).stream().map(SpaceViews.MemberView::of).toList();
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Remove a user (administrators), or leave the space (any user, naming themselves)",
            description = "Publishes MemberRemoved. The last administrator can be neither removed nor leave.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "A plain member tried to remove another user")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces, or no such user in it")
    @APIResponse(responseCode = "409", description = "The user is the space's last administrator")
    public void remove(@PathParam("spaceId") UUID spaceId, @PathParam("userId") String userId) {
        members.remove(spaceId, userId);
    }

    @PUT
    @Path("/{userId}/role")
    @Operation(summary = "Change a user's role (administrators)", description = "Publishes MemberRoleChanged when the "
            + "role changes. The last administrator cannot be demoted.")
    @APIResponse(responseCode = "200", description = "The user with their role")
    @APIResponse(responseCode = "400", description = "role is not ADMINISTRATOR or MEMBER")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator of the space")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces, or no such user in it")
    @APIResponse(responseCode = "409", description = "The user is the space's last administrator")
    public SpaceViews.MemberView changeRole(@PathParam("spaceId") UUID spaceId, @PathParam("userId") String userId,
                                            @NotNull(message = "is required") @Valid
                                            SpaceRequests.ChangeRole body) {
        return SpaceViews.MemberView.of(members.changeRole(spaceId, userId,
                Checked.constant(MemberRole.class, body.role())));
    }
}
