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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Procedure D: the space's users and roles, inviting a collaborator, removing a user; my invitations. */
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Path("/spaces/{spaceId}/members")
public class MemberResource {

    @Inject
    Ui ui;
    @Inject
    Template members;
    @RestClient
    SpaceApi api;

    @GET
    public TemplateInstance show(@PathParam("spaceId") String spaceId) {
        return page(spaceId);
    }

    private TemplateInstance page(String spaceId) {
        Map<String, Object> space = Api.map(api.space(spaceId));
        List<Map<String, Object>> pending = List.of();
        if ("ADMINISTRATOR".equals(space.get("myRole"))) {
            try {
                pending = Api.list(api.invitations(spaceId)).stream()
                        .filter(i -> "PENDING".equals(i.get("status"))).toList();
            } catch (ApiProblem p) {
                pending = List.of();
            }
        }
        return ui.page(members, "members.title").data("space", space).data("members", Api.list(api.members(spaceId)))
                .data("pending", pending).data("tab", "members");
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("spaceId") String spaceId, @BeanParam Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Form.trimmed(form.name));
        body.put("email", Form.trimmed(form.email));
        body.put("nationalId", Form.trimmed(form.nationalId));
        body.put("role", Form.trimmed(form.role));
        try {
            Api.createdId(api.invite(spaceId, body));
        } catch (ApiProblem p) {
            return ui.refused(page(spaceId), p, form);
        }
        return Ui.seeOther("/spaces/" + spaceId + "/members", "invited");
    }

    @POST
    @Path("{userId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response role(@PathParam("spaceId") String spaceId, @PathParam("userId") String userId,
                         @BeanParam Form form) {
        try {
            Api.body(api.changeRole(spaceId, userId, Map.of("role", form.role == null ? "" : form.role)));
        } catch (ApiProblem p) {
            return ui.refused(page(spaceId), p, null);
        }
        return Ui.seeOther("/spaces/" + spaceId + "/members", "role-changed");
    }

    @POST
    @Path("{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("spaceId") String spaceId, @PathParam("userId") String userId,
                           @BeanParam Form form) {
        try {
            Api.body(api.removeMember(spaceId, userId));
        } catch (ApiProblem p) {
            return ui.refused(page(spaceId), p, null);
        }
        return Ui.seeOther("/spaces/" + spaceId + "/members", "removed");
    }
}
