package lu.ccss.guichet.portal.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lu.ccss.guichet.portal.api.Api;
import lu.ccss.guichet.portal.api.EDeliveryApi;
import lu.ccss.guichet.portal.api.SpaceApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** eDelivery: per employer and domain whether it is active, the inbox, a document's download (records the reading). */
@Path("/spaces/{spaceId}/edelivery")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class EDeliveryResource {

    @Inject
    Ui ui;
    @Inject
    Template edelivery;
    @RestClient
    EDeliveryApi api;
    @RestClient
    SpaceApi spaceApi;

    @GET
    public TemplateInstance show(@PathParam("spaceId") String spaceId) {
        return ui.page(edelivery, "edelivery.title").data("space", Api.map(spaceApi.space(spaceId)))
                .data("statuses", Api.list(api.status(spaceId))).data("documents", Api.list(api.inbox(spaceId)))
                .data("tab", "edelivery");
    }

    @GET
    @Path("documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("spaceId") String spaceId, @PathParam("documentId") String documentId) {
        Response answer = api.document(spaceId, documentId);
        String type = answer.getMediaType() == null ? "application/octet-stream" : answer.getMediaType().toString();
        String disposition = answer.getHeaderString("Content-Disposition");
        byte[] content = Api.bytes(answer);
        return Response.ok(content, type).header("Content-Disposition", disposition != null ? disposition
                : "attachment; filename=\"document-" + documentId + ".pdf\"").build();
    }
}
