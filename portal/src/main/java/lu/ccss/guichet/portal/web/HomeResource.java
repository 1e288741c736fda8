package lu.ccss.guichet.portal.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The public entry page, the language switch and the sign-in link. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @Inject
    Ui ui;
    @Inject
    Template home;

    @GET
    public TemplateInstance home() {
        return ui.page(home, "home.title");
    }

    /** Signing in is asking for a page that needs it: quarkus-oidc answers with the code flow (PKCE). */
    @GET
    @Path("signin")
    @Authenticated
    public Response signIn() {
        return Response.seeOther(URI.create(ui.operator() ? "/operator" : "/spaces")).build();
    }

    /**
     * Remembers the language for a year and goes back where the person was. A plain link (GET) so that it works
     * without JavaScript; it changes nothing but a preference of this browser.
     */
    @GET
    @Path("language/{lang}")
    public Response language(@PathParam("lang") String lang, @QueryParam("return") String back) {
        String chosen = Texts.LANGUAGES.contains(lang) ? lang : Texts.DEFAULT;
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                ? back : "/";
        NewCookie cookie = new NewCookie.Builder(Ui.LANGUAGE_COOKIE).value(chosen).path("/").maxAge(365 * 24 * 3600)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }
}
