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
import lu.ccss.guichet.portal.api.CertificationApi;
import lu.ccss.guichet.portal.api.SpaceApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Procedure A: my spaces, create one; a space's overview with its certification requests. */
@Path("/spaces")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SpaceResource {

    @Inject
    Ui ui;
    @Inject
    Template spaces;
    @Inject
    Template space;
    @RestClient
    SpaceApi spaceApi;
    @RestClient
    CertificationApi certificationApi;

    @GET
    public TemplateInstance list() {
        return spacesPage();
    }

    private TemplateInstance spacesPage() {
        return ui.page(spaces, "spaces.title").data("spaces", Api.list(spaceApi.mySpaces()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam Form form) {
        if (Form.trimmed(form.name) == null) {
            return ui.invalid(spacesPage(), form, "name", "error.required");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Form.trimmed(form.name));
        body.put("description", Form.trimmed(form.description));
        try {
            String id = Api.createdId(spaceApi.createSpace(body));
            return Ui.seeOther("/spaces/" + id, "space-created");
        } catch (ApiProblem p) {
            return ui.refused(spacesPage(), p, form);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance one(@PathParam("id") String id) {
        return spacePage(id);
    }

    TemplateInstance spacePage(String id) {
        Map<String, Object> s = Api.map(spaceApi.space(id));
        List<Map<String, Object>> requests;
        boolean known = true;
        try {
            requests = Api.list(certificationApi.ofSpace(id));
        } catch (ApiProblem p) {
            // the certification-service learns a new space from SpaceCreated: a moment after its creation
            requests = List.of();
            known = false;
        }
        return ui.page(space, "space.title").data("space", s).data("requests", requests).data("known", known)
                .data("tab", "requests");
    }

    @POST
    @Path("{id}/requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openRequest(@PathParam("id") String id, @BeanParam Form form) {
        try {
            String requestId = Api.createdId(certificationApi.open(Map.of("spaceId", id)));
            return Ui.seeOther("/spaces/" + id + "/requests/" + requestId, "request-opened");
        } catch (ApiProblem p) {
            return ui.refused(spacePage(id), p, form);
        }
    }
}
