package lu.ccss.guichet.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.errors.FieldError;
import lu.ccss.guichet.platform.json.StrictJson;
import lu.ccss.guichet.platform.persistence.TransientFailures;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns every error into {@code application/problem+json}; a bad body is a 400 naming its fields, never a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(DomainException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(status(e.kind()), e.title(), e.getMessage(), uri, e.errors());
        if (e.retryAfter() != null) {
            response.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> all = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        // A body of many bad items must not amplify into an answer as large: the first ones name the problem.
        List<FieldError> errors = all.subList(0, Math.min(all.size(), Problem.MAX_FIELD_ERRORS));
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "))
                + (all.size() > errors.size() ? "; and " + (all.size() - errors.size()) + " more" : "");
        return respond(400, "Invalid request", detail, uri, errors).build();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String message = e instanceof StrictJson.ControlCharacterException
                ? "must not contain control characters" : "has the wrong type or format";
        List<FieldError> errors = field.isEmpty() ? List.of() : List.of(new FieldError(field, message));
        String detail = field.isEmpty() ? "The request body is not valid JSON"
                : "The request body has a wrong value for " + field;
        return respond(400, "Invalid request", detail, uri, errors).build();
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(400, "Invalid request", e.parameter() + ": " + e.getMessage(), uri,
                List.of(new FieldError(e.parameter(), e.getMessage()))).build();
    }

    /**
     * JAX-RS answers 404 for a path or query parameter it could not convert (a type {@link ParameterConverters}
     * does not read): that is a bad request, not a missing resource. A 404 the application throws has no cause.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            return respond(400, "Invalid request", "A path or query parameter has the wrong format", uri,
                    List.of()).build();
        }
        return web(e, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "You are not allowed to do this", uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return e.getResponse();
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = status >= 500 ? "The service could not complete the request" : e.getMessage();
        return respond(status, title, detail, uri, List.of()).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            // Not the path: one of them carries a registration number, which for a person is a national number.
            LOG.warnf("Database unavailable, answered 503 (%s)", e.getClass().getSimpleName());
            return respond(503, "Service unavailable", "The service cannot reach its database for a moment; "
                    + "try again", uri, List.of()).header("Retry-After", "1").build();
        }
        String incident = UUID.randomUUID().toString();
        // The exception type and stack go to the log only; the message may hold input data and is not echoed.
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(500, "Internal error", "The service could not complete the request (incident " + incident
                + ")", uri, List.of()).build();
    }

    /** The one place where a domain refusal becomes an HTTP status. */
    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_ALLOWED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case NOT_ACCEPTED -> 422;
            case TOO_MANY_ATTEMPTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    private static Response.ResponseBuilder respond(int status, String title, String detail, UriInfo uri,
                                                    List<FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail, Problem.instance(uri), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.request.name" -> "name": drop the method and parameter nodes of a resource method.
        // "audit.employer" (a constraint on a @QueryParam) -> "employer": the parameter's name on the wire.
        StringBuilder name = new StringBuilder();
        int index = 0;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            if (node.getKind() == jakarta.validation.ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER && index <= 2) {
                String wire = method == null ? null
                        : wireName(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class));
                if (wire != null) {
                    append(name, wire);
                }
                continue;
            }
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                append(name, node.getName());
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                append(name, node.getName());
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    /**
     * The name a query, path, header, form or cookie parameter has in the request, or null for the body (whose
     * violations are named by their JSON path, or "body" for the body itself).
     */
    private static String wireName(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        // A CDI subclass overrides the method without its parameter annotations: look up the class chain.
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Annotation[] annotations = type.getDeclaredMethod(method.getName(), types)
                        .getParameterAnnotations()[parameter.getParameterIndex()];
                for (Annotation annotation : annotations) {
                    if (annotation instanceof QueryParam q) {
                        return q.value();
                    } else if (annotation instanceof PathParam p) {
                        return p.value();
                    } else if (annotation instanceof HeaderParam h) {
                        return h.value();
                    } else if (annotation instanceof FormParam f) {
                        return f.value();
                    } else if (annotation instanceof CookieParam c) {
                        return c.value();
                    }
                }
            } catch (NoSuchMethodException | IndexOutOfBoundsException e) {
                // not declared here: look further up
            }
        }
        return null;
    }

    private static void append(StringBuilder name, String part) {
        if (!name.isEmpty()) {
            name.append('.');
        }
        name.append(part);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                append(path, ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
