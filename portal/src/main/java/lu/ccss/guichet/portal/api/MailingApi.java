package lu.ccss.guichet.portal.api;

import jakarta.ws.rs.Consumes;
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

/** mailing-service (letters and print batches, for operators: never codes), called with the person's token. */
@RegisterRestClient(configKey = "mailing")
@ClientHeaderParam(name = "Authorization", value = "{lu.ccss.guichet.portal.api.Bearer.header}")
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api")
public interface MailingApi {

    @GET
    @Path("/letters")
    Response letters(@QueryParam("requestId") String requestId, @QueryParam("batchId") String batchId,
                     @QueryParam("employer") String employer);

    @GET
    @Path("/print-batches")
    Response batches();

    @POST
    @Path("/print-batches")
    Response createBatch();

    @POST
    @Path("/letters/{id}/posted")
    Response posted(@PathParam("id") String letterId);

    @POST
    @Path("/letters/{id}/returned")
    Response returned(@PathParam("id") String letterId, Map<String, Object> body);
}
