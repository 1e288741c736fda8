package lu.ccss.guichet.portal.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lu.ccss.guichet.portal.api.Api;
import lu.ccss.guichet.portal.api.ApiProblem;
import lu.ccss.guichet.portal.api.SpaceApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Procedure D, the invitee's side: the invitations waiting for my answer, accepting one. */
@Path("/invitations")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @Inject
    Ui ui;
    @Inject
    Template invitations;
    @RestClient
    SpaceApi api;

    @GET
    public TemplateInstance mine() {
        return ui.page(invitations, "invitations.title").data("invitations", Api.list(api.myInvitations()));
    }

    @POST
    @Path("{invitationId}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("invitationId") String invitationId, @BeanParam Form form) {
        try {
            Api.body(api.accept(invitationId));
        } catch (ApiProblem p) {
            return ui.refused(mine(), p, null);
        }
        return Ui.seeOther("/spaces", "accepted");
    }
}
