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
import lu.ccss.guichet.portal.api.MandateApi;
import lu.ccss.guichet.portal.api.SpaceApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Procedure C, the space's Certifications tab: add a certification by access code (holder or agent), withdraw an
 * agent's mandate, use a holder revocation code.
 */
@Path("/spaces/{spaceId}/certifications")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CertificationResource {

    @Inject
    Ui ui;
    @Inject
    Template certifications;
    @RestClient
    MandateApi api;
    @RestClient
    SpaceApi spaceApi;

    @GET
    public TemplateInstance show(@PathParam("spaceId") String spaceId) {
        return page(spaceId);
    }

    private TemplateInstance page(String spaceId) {
        List<Map<String, Object>> list;
        boolean known = true;
        try {
            list = Api.list(api.certifications(spaceId));
        } catch (ApiProblem p) {
            list = List.of();
            known = false;
        }
        return ui.page(certifications, "certifications.title").data("space", Api.map(spaceApi.space(spaceId)))
                .data("certifications", list).data("known", known).data("domains", RequestResource.DOMAINS)
                .data("tab", "certifications");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response certify(@PathParam("spaceId") String spaceId, @BeanParam Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", Form.trimmed(form.domain));
        body.put("capacity", Form.trimmed(form.capacity));
        body.put("accessCode", Form.trimmed(form.accessCode));
        body.put("securityCode", form.securityCode);
        try {
            Api.createdId(api.certify(spaceId, body));
        } catch (ApiProblem p) {
            form.securityCode = null;
            return ui.refused(page(spaceId), p, form);
        }
        return Ui.seeOther("/spaces/" + spaceId + "/certifications", "certified");
    }

    @POST
    @Path("{certificationId}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("spaceId") String spaceId,
                             @PathParam("certificationId") String certificationId, @BeanParam Form form) {
        try {
            Api.body(api.withdraw(spaceId, certificationId));
        } catch (ApiProblem p) {
            return ui.refused(page(spaceId), p, null);
        }
        return Ui.seeOther("/spaces/" + spaceId + "/certifications", "withdrawn");
    }

    @POST
    @Path("revocations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("spaceId") String spaceId, @BeanParam Form form) {
        try {
            Api.body(api.revoke(Map.of("revocationCode", form.revocationCode == null ? "" : form.revocationCode.strip())));
        } catch (ApiProblem p) {
            return ui.refused(page(spaceId), p, form);
        }
        return Ui.seeOther("/spaces/" + spaceId + "/certifications", "revoked");
    }
}
