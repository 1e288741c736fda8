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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lu.ccss.guichet.portal.api.Api;
import lu.ccss.guichet.portal.api.ApiProblem;
import lu.ccss.guichet.portal.api.CertificationApi;
import lu.ccss.guichet.portal.api.SpaceApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Procedure B: the certification request's wizard. Each step is saved as a draft by the certification-service and can
 * be revisited until the request is confirmed; then the document to sign, the signature and the transmission.
 */
@Path("/spaces/{spaceId}/requests/{requestId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class RequestResource {

    static final List<String> STEPS = List.of("information", "warning", "filer", "employer", "agents",
            "security-code", "review");
    static final List<String> DOMAINS = List.of("AFFILIATIONS", "REMUNERATIONS", "EMPLOYER_DATA", "BILLING");

    @Inject
    Ui ui;
    @Inject
    Template request;
    @RestClient
    CertificationApi api;
    @RestClient
    SpaceApi spaceApi;

    @GET
    public TemplateInstance show(@PathParam("spaceId") String spaceId, @PathParam("requestId") String requestId,
                                 @QueryParam("step") String step) {
        return page(spaceId, requestId, step, null);
    }

    private TemplateInstance page(String spaceId, String requestId, String wanted, Form typed) {
        Map<String, Object> r = Api.map(api.request(requestId));
        String state = String.valueOf(r.get("state"));
        String current = r.get("currentStep") == null ? null : r.get("currentStep").toString();
        String step;
        if ("DRAFT".equals(state)) {
            step = wanted != null && STEPS.contains(wanted) ? wanted
                    : current != null && STEPS.contains(current) ? current : "review";
        } else {
            step = "after";
        }
        return ui.page(request, "request.title").data("space", Api.map(spaceApi.space(spaceId)))
                .data("r", r).data("step", step).data("steps", STEPS).data("domains", DOMAINS)
                .data("form", typed != null ? typed : fromRequest(r));
    }

    /** The form as the saved draft has it (never the security code). */
    @SuppressWarnings("unchecked")
    private static Form fromRequest(Map<String, Object> r) {
        Form f = new Form();
        Map<String, Object> steps = r.get("steps") instanceof Map ? (Map<String, Object>) r.get("steps") : Map.of();
        if (steps.get("filer") instanceof Map<?, ?> filer) {
            f.lastName = str(filer.get("lastName"));
            f.firstName = str(filer.get("firstName"));
            f.email = str(filer.get("email"));
            f.phone = str(filer.get("phone"));
        }
        if (steps.get("employer") instanceof Map<?, ?> employer) {
            f.registrationNumber = str(employer.get("registrationNumber"));
            f.language = str(employer.get("language"));
        }
        if (steps.get("agents") instanceof Map<?, ?> agents) {
            f.oneAgentForAllDomains = String.valueOf(agents.get("oneAgentForAllDomains"));
            if (agents.get("agents") instanceof List<?> list) {
                for (int i = 0; i < Math.min(2, list.size()); i++) {
                    Map<String, Object> a = (Map<String, Object>) list.get(i);
                    List<String> domains = a.get("domains") instanceof List<?> d
                            ? new ArrayList<>(d.stream().map(String::valueOf).toList()) : new ArrayList<>();
                    if (i == 0) {
                        f.agent0Number = str(a.get("registrationNumber"));
                        f.agent0Email = str(a.get("email"));
                        f.agent0Domains = domains;
                        f.agent0EndsOn = str(a.get("mandateEndsOn"));
                    } else {
                        f.agent1Number = str(a.get("registrationNumber"));
                        f.agent1Email = str(a.get("email"));
                        f.agent1Domains = domains;
                        f.agent1EndsOn = str(a.get("mandateEndsOn"));
                    }
                }
            }
        }
        return f;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    @POST
    @Path("steps/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("spaceId") String spaceId, @PathParam("requestId") String requestId,
                         @PathParam("step") String step, @BeanParam Form form) {
        if (!STEPS.contains(step) || "review".equals(step)) {
            return Response.status(404).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        switch (step) {
            case "information", "warning" -> {
                if (form.acknowledged == null) {
                    return ui.invalid(page(spaceId, requestId, step, form), form, "acknowledged",
                            "error.acknowledge");
                }
                body.put("acknowledged", true);
            }
            case "filer" -> {
                body.put("lastName", Form.trimmed(form.lastName));
                body.put("firstName", Form.trimmed(form.firstName));
                body.put("email", Form.trimmed(form.email));
                body.put("phone", Form.trimmed(form.phone));
            }
            case "employer" -> {
                body.put("registrationNumber", Form.trimmed(form.registrationNumber));
                body.put("language", Form.trimmed(form.language));
            }
            case "agents" -> {
                List<Map<String, Object>> agents = new ArrayList<>();
                agent(agents, form.agent0Number, form.agent0Email, form.agent0Domains, form.agent0EndsOn);
                agent(agents, form.agent1Number, form.agent1Email, form.agent1Domains, form.agent1EndsOn);
                body.put("oneAgentForAllDomains", form.oneAgentForAllDomains == null ? null
                        : Boolean.valueOf(form.oneAgentForAllDomains));
                body.put("agents", agents);
            }
            case "security-code" -> {
                body.put("code", form.code);
                body.put("confirmation", form.confirmation);
            }
            default -> throw new IllegalStateException(step);
        }
        try {
            Api.body(api.saveStep(requestId, step, body));
        } catch (ApiProblem p) {
            form.code = null;
            form.confirmation = null;
            return ui.refused(page(spaceId, requestId, step, form), p, form);
        }
        String next = STEPS.get(STEPS.indexOf(step) + 1);
        return Ui.seeOther(base(spaceId, requestId) + "?step=" + next, "step-saved");
    }

    private static void agent(List<Map<String, Object>> agents, String number, String email, List<String> domains,
                              String endsOn) {
        if (Form.trimmed(number) == null && Form.trimmed(email) == null && (domains == null || domains.isEmpty())) {
            return;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("registrationNumber", Form.trimmed(number));
        a.put("email", Form.trimmed(email));
        a.put("domains", domains == null ? List.of() : domains);
        a.put("mandateEndsOn", Form.trimmed(endsOn));
        agents.add(a);
    }

    @POST
    @Path("{action: confirm|signature|transmit}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("spaceId") String spaceId, @PathParam("requestId") String requestId,
                        @PathParam("action") String action, @BeanParam Form form) {
        try {
            Api.body(api.action(requestId, action));
        } catch (ApiProblem p) {
            return ui.refused(page(spaceId, requestId, null, null), p, null);
        }
        return Ui.seeOther(base(spaceId, requestId), "request-" + action);
    }

    @POST
    @Path("cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("spaceId") String spaceId, @PathParam("requestId") String requestId,
                           @BeanParam Form form) {
        try {
            Api.body(api.cancel(requestId));
        } catch (ApiProblem p) {
            return ui.refused(page(spaceId, requestId, null, null), p, null);
        }
        return Ui.seeOther("/spaces/" + spaceId, "request-cancelled");
    }

    /** The document to sign (and, once signed, the signed one), passed through from the certification-service. */
    @GET
    @Path("document")
    @Produces("application/pdf")
    public Response document(@PathParam("requestId") String requestId) {
        byte[] pdf = Api.bytes(api.document(requestId));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"request-" + requestId + ".pdf\"").build();
    }

    private static String base(String spaceId, String requestId) {
        return "/spaces/" + spaceId + "/requests/" + requestId;
    }
}
