package lu.ccss.guichet.platform.idempotency;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * The name of an operation, its HTTP method and route template ({@code POST /api/spaces/{spaceId}/invitations}), as
 * the OpenAPI document lists it. A key is scoped by it, so that one key sent to two operations is two keys.
 */
final class Operations {

    private Operations() {
    }

    /** The HTTP methods an idempotency key applies to: those that change something. */
    static final List<String> CHANGING = List.of("POST", "PUT", "PATCH", "DELETE");

    /** The operation a resource method serves, if it changes something. */
    static Optional<String> of(Method method) {
        Path type = method.getDeclaringClass().getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null && CHANGING.contains(http.value())) {
                return Optional.of(name(http.value(), type == null ? null : type.value(),
                        own == null ? null : own.value()));
            }
        }
        return Optional.empty();
    }

    /** {@code POST} and {@code /api/spaces/} and {@code {spaceId}/invitations} make {@code POST /api/spaces/{spaceId}/invitations}. */
    static String name(String verb, String typePath, String methodPath) {
        String joined = ("/" + (typePath == null ? "" : typePath) + "/" + (methodPath == null ? "" : methodPath))
                .replaceAll("/{2,}", "/");
        String path = joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
        return verb + " " + path;
    }
}
