package lu.ccss.guichet.certification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.certification.domain.RequestState;
import lu.ccss.guichet.certification.service.RequestQueries;
import lu.ccss.guichet.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

@Path("/api/operator/certification-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_OPERATOR)
@Tag(name = "Operators", description = "CCSS operators follow the certification requests (role ccss-operator)")
public class OperatorRequestResource {

    static final int MAX_SIZE = 100;

    private final RequestQueries queries;

    public OperatorRequestResource(RequestQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Follow requests, by state, paged", description = "Role ccss-operator. Newest first. Shows "
            + "the reference, space, state and employer of each request; never a security code or its hash.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Unknown state, or page/size out of range (named)")
    @APIResponse(responseCode = "403", description = "The caller is not a CCSS operator")
    public RequestViews.RequestPageView list(
            @Parameter(description = "DRAFT, CONFIRMED, SIGNED, TRANSMITTED, CANCELLED or EXPIRED; all when absent")
            @QueryParam("state") String state,
            @Parameter(description = "Page number from 0 (default 0)") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        RequestState wanted = state(errors, state);
        int pageNumber = number(errors, "page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = number(errors, "size", size, 20, 1, MAX_SIZE);
        errors.throwIfAny("The query");
        return RequestViews.RequestPageView.of(queries.forOperators(wanted, pageNumber, pageSize));
    }

    private static RequestState state(FieldErrors errors, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return RequestState.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("state", "must be one of DRAFT, CONFIRMED, SIGNED, TRANSMITTED, CANCELLED, EXPIRED");
            return null;
        }
    }

    private static int number(FieldErrors errors, String field, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, max == Integer.MAX_VALUE ? "must be a whole number from " + min
                : "must be a whole number from " + min + " to " + max);
        return fallback;
    }
}
