package lu.ccss.guichet.platform.limits;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import lu.ccss.guichet.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Method;

/**
 * Every endpoint has an explicit body limit: {@link BodyLimit} on the method, otherwise
 * {@code guichet.limits.max-body-bytes}. A larger declared body is answered 413 before it is read or authenticated
 * work is done on it. The HTTP server's own limit ({@code quarkus.http.limits.max-body-size}, set per service to its
 * largest endpoint's) stops a body that does not declare its length.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimits implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @ConfigProperty(name = "guichet.limits.max-body-bytes", defaultValue = "65536")
    long defaultLimit;

    @Override
    public void filter(ContainerRequestContext request) {
        long declared = request.getLength();
        long limit = limitOf(resource == null ? null : resource.getResourceMethod());
        if (declared > limit) {
            request.abortWith(Response.status(413).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", "Request body too large", 413, "This endpoint accepts at most "
                            + limit + " bytes of request body; " + declared + " were sent",
                            Problem.instance(request.getUriInfo()), null))
                    .build());
        }
    }

    long limitOf(Method method) {
        BodyLimit declared = method == null ? null : method.getAnnotation(BodyLimit.class);
        return declared == null ? defaultLimit : declared.bytes();
    }
}
