package lu.ccss.guichet.mandate.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.mandate.service.AuthorizationService;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.platform.validation.Checked;
import lu.ccss.guichet.platform.validation.ValidDomain;
import lu.ccss.guichet.platform.validation.ValidRegistrationNumber;
import lu.ccss.guichet.platform.validation.ValidUuid;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/authorizations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_DOMAIN_SYSTEM)
@Tag(name = "Authorizations", description = "For other government systems")
public class AuthorizationResource {

    private final AuthorizationService authorizations;

    public AuthorizationResource(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @GET
    @Operation(summary = "May this space act for this employer in this domain, and how",
            description = "Role domain-system. Answers {authorized, capacity HOLDER|AGENT, since}; authorized=false "
                    + "with nulls when the space holds no active certification for the employer and domain.")
    @APIResponse(responseCode = "200", description = "The answer")
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid (every one named)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a domain system")
    public Uni<MandateViews.AuthorizationView> authorization(
            @Parameter(description = "The space (UUID)", required = true)
            @QueryParam("spaceId") @ValidUuid String spaceId,
            @Parameter(description = "Employer registration number: 11 or 13 digits", required = true)
            @QueryParam("employer") @ValidRegistrationNumber String employer,
            @Parameter(description = "AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA or BILLING", required = true)
            @QueryParam("domain") @ValidDomain String domain) {
        return authorizations.mandate(Checked.uuid(spaceId), RegistrationNumber.normalise(employer.strip()),
                        Domain.parse(domain).orElseThrow())
                .map(found -> found
                        .map(c -> new MandateViews.AuthorizationView(true, c.capacity(), c.grantedAt()))
                        .orElse(new MandateViews.AuthorizationView(false, null, null)));
    }
}
