package lu.ccss.guichet.portal.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** certification-service (procedure B), called with the person's token. */
@RegisterRestClient(configKey = "certification")
@ClientHeaderParam(name = "Authorization", value = "{lu.ccss.guichet.portal.api.Bearer.header}")
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api")
public interface CertificationApi {

    @POST
    @Path("/certification-requests")
    Response open(Map<String, Object> body);

    @GET
    @Path("/certification-requests")
    Response ofSpace(@QueryParam("spaceId") String spaceId);

    @GET
    @Path("/certification-requests/{id}")
    Response request(@PathParam("id") String id);

    @PUT
    @Path("/certification-requests/{id}/steps/{step}")
    Response saveStep(@PathParam("id") String id, @PathParam("step") String step, Map<String, Object> body);

    @POST
    @Path("/certification-requests/{id}/{action}")
    Response action(@PathParam("id") String id, @PathParam("action") String action);

    @GET
    @Path("/certification-requests/{id}/document")
    Response document(@PathParam("id") String id);

    @DELETE
    @Path("/certification-requests/{id}")
    Response cancel(@PathParam("id") String id);

    @GET
    @Path("/operator/certification-requests")
    Response forOperators(@QueryParam("state") String state, @QueryParam("size") Integer size);
}
