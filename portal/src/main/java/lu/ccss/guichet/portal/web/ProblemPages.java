package lu.ccss.guichet.portal.web;

import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lu.ccss.guichet.portal.api.ApiProblem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service's refusal of a page (not a form): a page that says it, in the person's language where it is ours. */
public class ProblemPages {

    @Inject
    Ui ui;
    @Inject
    Template problem;

    @ServerExceptionMapper
    public Response page(ApiProblem p) {
        int status = p.status() >= 400 && p.status() < 500 ? p.status() : 502;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(ui.page(problem, "problem.title").data("message", ui.problemText(p)).data("status", status))
                .build();
    }
}
