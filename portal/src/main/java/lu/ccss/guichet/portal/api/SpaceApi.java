package lu.ccss.guichet.portal.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** space-service (procedures A and D), called with the person's token. */
@RegisterRestClient(configKey = "space")
@ClientHeaderParam(name = "Authorization", value = "{lu.ccss.guichet.portal.api.Bearer.header}")
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api")
public interface SpaceApi {

    @GET
    @Path("/spaces")
    Response mySpaces();

    @POST
    @Path("/spaces")
    Response createSpace(Map<String, Object> body);

    @GET
    @Path("/spaces/{id}")
    Response space(@PathParam("id") String id);

    @GET
    @Path("/spaces/{id}/members")
    Response members(@PathParam("id") String id);

    @POST
    @Path("/spaces/{id}/invitations")
    Response invite(@PathParam("id") String id, Map<String, Object> body);

    @GET
    @Path("/spaces/{id}/invitations")
    Response invitations(@PathParam("id") String id);

    @PUT
    @Path("/spaces/{id}/members/{userId}/role")
    Response changeRole(@PathParam("id") String id, @PathParam("userId") String userId, Map<String, Object> body);

    @DELETE
    @Path("/spaces/{id}/members/{userId}")
    Response removeMember(@PathParam("id") String id, @PathParam("userId") String userId);

    @GET
    @Path("/invitations")
    Response myInvitations();

    @POST
    @Path("/invitations/{id}/accept")
    Response accept(@PathParam("id") String invitationId);
}
