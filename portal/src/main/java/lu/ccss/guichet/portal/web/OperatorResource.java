package lu.ccss.guichet.portal.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lu.ccss.guichet.portal.api.Api;
import lu.ccss.guichet.portal.api.ApiProblem;
import lu.ccss.guichet.portal.api.CertificationApi;
import lu.ccss.guichet.portal.api.MailingApi;
import lu.ccss.guichet.portal.api.MandateApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CCSS operator's desk: requests by state, a request's letters with their status (never codes), print batches,
 * posting and returns, reissuing codes with a reason, an employer's audit trail.
 */
@Path("/operator")
@RolesAllowed("ccss-operator")
@Produces(MediaType.TEXT_HTML)
public class OperatorResource {

    /** Letters by status: what still needs the operator first. */
    static final List<String> STATUS_ORDER = List.of("RETURNED", "GENERATED", "BATCHED", "POSTED", "VOIDED");
    static final List<String> STATES = List.of("TRANSMITTED", "DRAFT", "CONFIRMED", "SIGNED", "CANCELLED", "EXPIRED");

    @Inject
    Ui ui;
    @Inject
    Template operator;
    @Inject
    Template operatorRequest;
    @Inject
    Template operatorBatches;
    @Inject
    Template operatorAudit;
    @RestClient
    CertificationApi certificationApi;
    @RestClient
    MailingApi mailingApi;
    @RestClient
    MandateApi mandateApi;

    @GET
    public TemplateInstance requests(@QueryParam("state") String state) {
        String wanted = state != null && STATES.contains(state) ? state : "TRANSMITTED";
        return ui.page(operator, "operator.title").data("states", STATES).data("state", wanted)
                .data("requests", Api.list(certificationApi.forOperators(wanted, 50)));
    }

    @GET
    @Path("requests/{requestId}")
    public TemplateInstance request(@PathParam("requestId") String requestId) {
        Map<String, Object> r = new HashMap<>();
        try {
            r = Api.map(certificationApi.request(requestId));
        } catch (ApiProblem p) {
            r.put("id", requestId);
        }
        List<Map<String, Object>> letters = Api.list(mailingApi.letters(requestId, null, null));
        // an operator is no member of the filing space: the reference and the employer come from the letters
        if (!r.containsKey("reference") && !letters.isEmpty()) {
            r.put("reference", letters.get(0).get("reference"));
            r.put("employer", letters.get(0).get("employer"));
        }
        return ui.page(operatorRequest, "operator.request.title").data("r", r).data("letters", letters);
    }

    @POST
    @Path("requests/{requestId}/batch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response batch(@PathParam("requestId") String requestId, @BeanParam Form form) {
        try {
            Api.createdId(mailingApi.createBatch());
        } catch (ApiProblem p) {
            return ui.refused(request(requestId), p, null);
        }
        return Ui.seeOther("/operator/requests/" + requestId, "batched");
    }

    @POST
    @Path("requests/{requestId}/letters/{letterId}/posted")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response posted(@PathParam("requestId") String requestId, @PathParam("letterId") String letterId,
                           @BeanParam Form form) {
        try {
            Api.body(mailingApi.posted(letterId));
        } catch (ApiProblem p) {
            return ui.refused(request(requestId), p, null);
        }
        return Ui.seeOther("/operator/requests/" + requestId, "posted");
    }

    @POST
    @Path("requests/{requestId}/letters/{letterId}/returned")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response returned(@PathParam("requestId") String requestId, @PathParam("letterId") String letterId,
                             @BeanParam Form form) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", Form.trimmed(form.reason));
        try {
            Api.body(mailingApi.returned(letterId, body));
        } catch (ApiProblem p) {
            return ui.refused(request(requestId), p, form);
        }
        return Ui.seeOther("/operator/requests/" + requestId, "returned");
    }

    @POST
    @Path("requests/{requestId}/reissue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reissue(@PathParam("requestId") String requestId, @BeanParam Form form) {
        if (Form.trimmed(form.reason) == null) {
            return ui.invalid(request(requestId), form, "reason", "error.required");
        }
        try {
            Api.body(mandateApi.reissue(requestId, Map.of("reason", form.reason.strip())));
        } catch (ApiProblem p) {
            return ui.refused(request(requestId), p, form);
        }
        return Ui.seeOther("/operator/requests/" + requestId, "reissued");
    }

    @GET
    @Path("batches")
    public TemplateInstance batches() {
        return ui.page(operatorBatches, "operator.batches.title").data("batches", Api.list(mailingApi.batches()));
    }

    @GET
    @Path("audit")
    public Response audit(@QueryParam("employer") String employer) {
        TemplateInstance page = ui.page(operatorAudit, "operator.audit.title").data("employer", employer)
                .data("entries", List.of()).data("letters", List.of());
        if (employer == null || employer.isBlank()) {
            return Response.ok(page).build();
        }
        try {
            List<Map<String, Object>> letters = new java.util.ArrayList<>(
                    Api.list(mailingApi.letters(null, null, employer.strip())));
            letters.sort(java.util.Comparator.comparing((Map<String, Object> l) -> STATUS_ORDER.indexOf(String.valueOf(l.get("status")))));
            return Response.ok(page.data("entries", Api.list(mandateApi.audit(employer.strip())))
                    .data("letters", letters)).build();
        } catch (ApiProblem p) {
            Form form = new Form();
            form.registrationNumber = employer;
            return ui.refused(page, p, form);
        }
    }
}
