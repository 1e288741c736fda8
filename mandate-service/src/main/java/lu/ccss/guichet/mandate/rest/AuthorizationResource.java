package lu.ccss.guichet.mandate.rest;

import java.util.Optional;
import lu.ccss.guichet.events.RegistrationNumber;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.mandate.service.AuthorizationService;
import lu.ccss.guichet.platform.errors.FieldError;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid (named)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a domain system")
    public MandateViews.AuthorizationView authorization(
            @Parameter(description = "The space (UUID)", required = true) @QueryParam("spaceId") String spaceId,
            @Parameter(description = "Employer registration number: 11 or 13 digits", required = true)
            @QueryParam("employer") String employer,
            @Parameter(description = "AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA or BILLING", required = true)
            @QueryParam("domain") String domain) {
        List<FieldError> errors = new ArrayList<>();
        UUID space = parseUuid(spaceId, errors);
        if (!RegistrationNumber.isValid(employer)) {
            errors.add(new FieldError("employer", "is required: the employer registration number, 11 or 13 digits"));
        }
        Domain parsedDomain = parseDomain(domain, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The question is not complete: " + errors.stream()
                    .map(FieldError::field).toList(), errors);
        }
        return authorizations.mandate(space, employer, parsedDomain)
                .map(c -> new MandateViews.AuthorizationView(true, c.capacity, c.grantedAt))
                .orElse(new MandateViews.AuthorizationView(false, null, null));
    }

    private static UUID parseUuid(String value, List<FieldError> errors) {
        try {
            if (value != null) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("spaceId", "is required: the space id (UUID)"));
        return null;
    }

    private static Domain parseDomain(String value, List<FieldError> errors) {
        Optional<Domain> domain = Domain.parse(value);
        if (domain.isEmpty()) {
            errors.add(new FieldError("domain", "is required: one of " + Domain.NAMES));
        }
        return domain.orElse(null);
    }
}
