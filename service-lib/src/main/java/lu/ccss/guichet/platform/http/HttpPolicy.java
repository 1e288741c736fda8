package lu.ccss.guichet.platform.http;

import io.quarkus.vertx.http.security.CORS;
import io.quarkus.vertx.http.security.HttpSecurity;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every service answers over HTTP beyond its API (the security headers are plain settings in service-lib's
 * microprofile-config.properties):
 * <ul>
 * <li>CORS: only the front-end origins listed in {@code guichet.http.cors-origins} ({@code GUICHET_CORS_ORIGINS},
 * comma separated, none by default) may call the API from a browser; with none listed no CORS header is sent, so a
 * browser refuses every cross-origin call;</li>
 * <li>the OpenAPI document, Swagger UI, the AsyncAPI document ({@code guichet.http.public-docs}, {@code GUICHET_PUBLIC_DOCS}) and the
 * Prometheus metrics ({@code guichet.http.public-metrics}, {@code GUICHET_PUBLIC_METRICS}) answer 404 unless
 * switched on: off by default in production, on in dev and test.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpPolicy {

    private static final List<String> DOCS = List.of("/q/openapi", "/q/swagger-ui", "/q/asyncapi");
    private static final List<String> METRICS = List.of("/q/metrics");

    void cors(@Observes HttpSecurity security,
              @ConfigProperty(name = "guichet.http.cors-origins") Optional<List<String>> origins) {
        Set<String> allowed = new LinkedHashSet<>();
        origins.orElse(List.of()).stream().map(String::strip).filter(o -> !o.isEmpty()).forEach(allowed::add);
        if (allowed.contains("*")) {
            throw new IllegalArgumentException("guichet.http.cors-origins lists front-end origins; * is not allowed");
        }
        if (!allowed.isEmpty()) {
            security.cors(CORS.builder().origins(allowed)
                    .methods(Set.of("GET", "POST", "PUT", "PATCH", "DELETE"))
                    .headers(Set.of("Authorization", "Content-Type", "Accept", "Accept-Language", "Idempotency-Key"))
                    .exposedHeaders(Set.of("Location", "Retry-After", "Content-Disposition", "Idempotent-Replayed"))
                    .accessControlMaxAge(Duration.ofHours(1))
                    .build());
        }
    }

    void closeInternals(@Observes Router router,
                        @ConfigProperty(name = "guichet.http.public-docs", defaultValue = "false") boolean docs,
                        @ConfigProperty(name = "guichet.http.public-metrics", defaultValue = "false") boolean metrics) {
        List<String> closed = new java.util.ArrayList<>();
        if (!docs) {
            closed.addAll(DOCS);
        }
        if (!metrics) {
            closed.addAll(METRICS);
        }
        if (closed.isEmpty()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            if (closed.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "."))) {
                context.response().setStatusCode(404).end();
            } else {
                context.next();
            }
        });
    }
}
