package lu.ccss.guichet.portal.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** mandate-service (procedure C, operator's reissue and audit), called with the person's token. */
@RegisterRestClient(configKey = "mandate")
@ClientHeaderParam(name = "Authorization", value = "{lu.ccss.guichet.portal.api.Bearer.header}")
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api")
public interface MandateApi {

    @GET
    @Path("/spaces/{id}/certifications")
    Response certifications(@PathParam("id") String spaceId);

    @POST
    @Path("/spaces/{id}/certifications")
    Response certify(@PathParam("id") String spaceId, Map<String, Object> body);

    @DELETE
    @Path("/spaces/{id}/certifications/{certificationId}")
    Response withdraw(@PathParam("id") String spaceId, @PathParam("certificationId") String certificationId);

    @POST
    @Path("/revocations")
    Response revoke(Map<String, Object> body);

    @POST
    @Path("/operator/requests/{id}/reissue")
    Response reissue(@PathParam("id") String requestId, Map<String, Object> body);

    @GET
    @Path("/operator/audit")
    Response audit(@QueryParam("employer") String employer);
}
