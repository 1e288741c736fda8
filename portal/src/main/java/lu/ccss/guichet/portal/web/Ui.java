package lu.ccss.guichet.portal.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import lu.ccss.guichet.portal.api.ApiProblem;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every page shares: the language, the person, the texts, the error summary. */
@RequestScoped
public class Ui {

    public static final String LANGUAGE_COOKIE = "guichet-lang";

    @Inject
    RoutingContext request;
    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;

    /** The remembered choice (cookie), else the browser's first supported language, else French. */
    public String language() {
        Cookie cookie = request.request().getCookie(LANGUAGE_COOKIE);
        if (cookie != null && Texts.LANGUAGES.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        String accept = request.request().getHeader("Accept-Language");
        if (accept != null) {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                String lang = range.getRange().length() >= 2 ? range.getRange().substring(0, 2) : "";
                if (Texts.LANGUAGES.contains(lang)) {
                    return lang;
                }
            }
        }
        return Texts.DEFAULT;
    }

    public Map<String, String> texts() {
        return Texts.of(language());
    }

    public String text(String key) {
        return texts().getOrDefault(key, key);
    }

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public boolean operator() {
        return signedIn() && identity.hasRole("ccss-operator");
    }

    public String userName() {
        if (!signedIn()) {
            return null;
        }
        try {
            Object name = idToken.getClaim("name");
            if (name == null) {
                name = idToken.getClaim("preferred_username");
            }
            return name == null ? identity.getPrincipal().getName() : name.toString();
        } catch (RuntimeException e) {
            return identity.getPrincipal().getName();
        }
    }

    /** A page: the template with the shared data; {@code title} is a text key. */
    public TemplateInstance page(Template template, String title) {
        String path = request.request().path();
        String query = request.request().query();
        return template.instance()
                .data("t", texts())
                .data("lang", language())
                .data("title", text(title))
                .data("signedIn", signedIn())
                .data("operator", operator())
                .data("userName", userName())
                .data("here", query == null ? path : path + "?" + query)
                .data("hereEncoded", java.net.URLEncoder.encode(query == null ? path : path + "?" + query,
                        java.nio.charset.StandardCharsets.UTF_8))
                .data("done", doneMessage())
                .data("errors", List.of())
                .data("fieldErrors", Map.of())
                .data("form", Form.empty());
    }

    /** The same page re-shown with the service's refusal: the summary names each field the service named. */
    public Response refused(TemplateInstance page, ApiProblem problem, Form form) {
        List<Map<String, String>> errors = new ArrayList<>();
        Map<String, String> byField = new LinkedHashMap<>();
        for (Map<String, Object> e : problem.errors()) {
            String field = String.valueOf(e.get("field"));
            String id = fieldId(field);
            String message = String.valueOf(e.getOrDefault("message", ""));
            String label = texts().getOrDefault("field." + id, field);
            errors.add(Map.of("id", id, "text", label + text("sep") + message));
            byField.putIfAbsent(id, message);
        }
        if (errors.isEmpty()) {
            errors.add(Map.of("id", "", "text", problemText(problem)));
        }
        int status = problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502;
        return Response.status(status).entity(page.data("errors", errors).data("fieldErrors", byField)
                .data("form", form == null ? Form.empty() : form)).build();
    }

    /** The portal's own refusal of a form (a field left empty), in the person's language. */
    public Response invalid(TemplateInstance page, Form form, String field, String messageKey) {
        String id = fieldId(field);
        String message = text(messageKey);
        return Response.status(400).entity(page.data("errors", List.of(Map.of("id", id,
                        "text", texts().getOrDefault("field." + id, field) + text("sep") + message)))
                .data("fieldErrors", Map.of(id, message)).data("form", form)).build();
    }

    /** The detail as the service states it; the portal's words for what it says on its own (no answer, 401, 403). */
    public String problemText(ApiProblem problem) {
        return switch (problem.status()) {
            case 401 -> text("problem.401");
            case 403 -> text("problem.403") + " (" + problem.detail() + ")";
            case 502, 503, 504 -> text("problem.unavailable");
            default -> problem.detail();
        };
    }

    /** {@code agents[0].email} → {@code agents-0-email}: the id of the input the field is typed into. */
    public static String fieldId(String field) {
        String id = field.replaceAll("[\\[\\].]+", "-");
        return id.endsWith("-") ? id.substring(0, id.length() - 1) : id;
    }

    /** POST-redirect-GET: 303 to {@code path}, saying what was done (a text key) on the next page. */
    public static Response seeOther(String path, String done) {
        String target = done == null ? path : path + (path.contains("?") ? "&" : "?") + "done=" + done;
        return Response.seeOther(URI.create(target)).build();
    }

    private String doneMessage() {
        String done = request.request().getParam("done");
        return done == null || !done.matches("[a-z.-]{1,40}") ? null : texts().get("done." + done);
    }
}
