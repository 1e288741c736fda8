package lu.ccss.guichet.platform.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lu.ccss.guichet.platform.errors.FieldError;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path or query parameter never holds a control character (after percent-decoding: {@code %00} included): a 400
 * naming the parameter, before the resource runs, so NUL never reaches PostgreSQL from a URL either. The JSON body
 * has the same rule ({@code StrictJson}).
 */
public class ControlCharactersInParameters {

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri) {
        return offending(uri.getPathParameters(true)).or(() -> offending(uri.getQueryParameters(true)))
                .map(name -> {
                    String message = "must not contain control characters";
                    Problem body = new Problem("about:blank", "Invalid request", 400, name + ": " + message,
                            Problem.instance(uri), List.of(new FieldError(name, message)));
                    return Response.status(400).type(Problem.MEDIA_TYPE).entity(body).build();
                });
    }

    private static Optional<String> offending(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.chars().anyMatch(Character::isISOControl)) {
                    return Optional.of(parameter.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
