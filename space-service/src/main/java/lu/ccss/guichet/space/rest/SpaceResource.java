package lu.ccss.guichet.space.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import lu.ccss.guichet.space.domain.SpaceDetails;
import lu.ccss.guichet.space.service.MySpace;
import lu.ccss.guichet.space.service.SpaceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/spaces")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Tag(name = "Spaces", description = "Procedure A: professional spaces")
public class SpaceResource {

    private final SpaceService spaces;

    public SpaceResource(SpaceService spaces) {
        this.spaces = spaces;
    }

    @POST
    @Idempotent
    @Operation(summary = "Create a professional space", description = "The caller becomes its first administrator. "
            + "Name: 1 to 100 characters after trimming; description: at most 500. A person holds at most "
            + "{guichet.space.max-per-person} spaces.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new space")
    @APIResponse(responseCode = "400", description = "Invalid name or description (the fields are named)")
    @APIResponse(responseCode = "409", description = "The caller already holds the most spaces allowed")
    public Response create(@NotNull(message = "is required") @Valid SpaceRequests.CreateSpace body, UriInfo uri) {
        MySpace created = spaces.create(SpaceDetails.of(body.name(), body.description()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.space().id.toString()).build())
                .entity(SpaceViews.SpaceView.of(created)).build();
    }

    @GET
    @Operation(summary = "The spaces I belong to, with my role in each")
    public List<SpaceViews.SpaceView> mine() {
        return spaces.mySpaces().stream().map(SpaceViews.SpaceView::of).toList();
    }

    @GET
    @Path("/{spaceId}")
    @Operation(summary = "One of my spaces")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces")
    public SpaceViews.SpaceView one(@PathParam("spaceId") UUID spaceId) {
        return SpaceViews.SpaceView.of(spaces.space(spaceId));
    }
}
