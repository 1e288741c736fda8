package lu.ccss.guichet.platform.asyncapi;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves the service's own AsyncAPI 3.0 document at {@code /q/asyncapi} ({@code application/yaml}): the channels it
 * publishes on, consumes from and dead-letters to, with their messages, as event-contracts generated it at build time
 * ({@code asyncapi/<service>.asyncapi.yaml} in its jar). The service is {@code guichet.asyncapi.service}, by default
 * the last segment of the outbox's {@code ce_source} ({@code /guichet/mailing-service} gives {@code mailing-service}).
 * Like the OpenAPI document it answers 404 unless {@code guichet.http.public-docs} is on ({@link
 * lu.ccss.guichet.platform.http.HttpPolicy}), and 404 for an application without a document.
 */
@ApplicationScoped
public class AsyncApiRoute {

    public static final String PATH = "/q/asyncapi";

    void route(@Observes Router router,
               @ConfigProperty(name = "guichet.asyncapi.service") Optional<String> service,
               @ConfigProperty(name = "guichet.outbox.source") Optional<String> source) {
        String name = service.or(() -> source.map(s -> s.substring(s.lastIndexOf('/') + 1))).orElse("");
        byte[] document = document(name);
        router.get(PATH).handler(context -> {
            if (document == null) {
                context.response().setStatusCode(404).end();
            } else {
                context.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
                        .putHeader("Cache-Control", "no-cache").end(io.vertx.core.buffer.Buffer.buffer(document));
            }
        });
    }

    /** The generated document of {@code service}, or null if event-contracts has none for it. */
    static byte[] document(String service) {
        if (!service.matches("[a-z][a-z-]*")) {
            return null;
        }
        try (InputStream in = AsyncApiRoute.class.getResourceAsStream("/asyncapi/" + service + ".asyncapi.yaml")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
