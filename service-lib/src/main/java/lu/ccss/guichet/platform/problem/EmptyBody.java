package lu.ccss.guichet.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A JSON request sent without a body is read as the empty object {@code {}}, so that the request's annotations name
 * every required field in one 400 instead of a bare "body is required".
 */
public class EmptyBody {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter
    public void readEmptyJsonAsEmptyObject(ContainerRequestContext request) {
        if (WITH_BODY.contains(request.getMethod()) && isJson(request.getMediaType()) && request.getLength() == 0) {
            request.setEntityStream(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
    }
}
