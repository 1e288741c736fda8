package lu.ccss.guichet.certification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.certification.domain.RequestState;
import lu.ccss.guichet.certification.service.RequestQueries;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.platform.validation.Checked;
import lu.ccss.guichet.platform.validation.OneOf;
import lu.ccss.guichet.platform.validation.WholeNumber;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/operator/certification-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_OPERATOR)
@Tag(name = "Operators", description = "CCSS operators follow the certification requests (role ccss-operator)")
public class OperatorRequestResource {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;

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
            @Parameter(description = "DRAFT, CONFIRMED, SIGNED, TRANSMITTED, CANCELLED or EXPIRED, any case; all when "
                    + "absent") @QueryParam("state") @OneOf(value = RequestState.class, optional = true) String state,
            @Parameter(description = "Page number from 0 (default 0)") @QueryParam("page") @WholeNumber(min = 0, max = Integer.MAX_VALUE) String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size")
            @WholeNumber(min = 1, max = MAX_SIZE) String size) {
        RequestState wanted = Checked.constant(RequestState.class, state);
        return RequestViews.RequestPageView.of(queries.forOperators(wanted, (int) Checked.wholeNumber(page, 0),
                (int) Checked.wholeNumber(size, DEFAULT_SIZE)));
    }
}
