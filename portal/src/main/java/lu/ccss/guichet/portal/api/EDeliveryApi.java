package lu.ccss.guichet.portal.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** edelivery-service (status per domain, the inbox), called with the person's token. */
@RegisterRestClient(configKey = "edelivery")
@ClientHeaderParam(name = "Authorization", value = "{lu.ccss.guichet.portal.api.Bearer.header}")
@Path("/api/spaces/{id}/edelivery")
public interface EDeliveryApi {

    @GET
    Response status(@PathParam("id") String spaceId);

    @GET
    @Path("/documents")
    Response inbox(@PathParam("id") String spaceId);

    @GET
    @Path("/documents/{documentId}")
    Response document(@PathParam("id") String spaceId, @PathParam("documentId") String documentId);
}
