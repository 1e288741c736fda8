package lu.ccss.guichet.space.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.platform.idempotency.Idempotent;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.space.domain.DomainUse;
import lu.ccss.guichet.space.service.DomainUsageService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/spaces/{spaceId}/domain-usages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_DOMAIN_SYSTEM)
@Tag(name = "Domain usage", description = "Uses of a domain reported by the domains' systems")
public class DomainUsageResource {

    private final DomainUsageService usages;

    public DomainUsageResource(DomainUsageService usages) {
        this.usages = usages;
    }

    @POST
    @Idempotent
    @Operation(summary = "Report a use of a domain by a space for an employer (role domain-system)",
            description = "employer: 11 or 13 digits; domain: AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA or BILLING; "
                    + "usageKind: CONSULTATION, PROCEDURE or CERTIFICATE. The space must be certified for the employer "
                    + "and domain, as holder or agent. The first use per space, employer and domain publishes "
                    + "DomainFirstUsed exactly once, even when several first uses arrive at the same moment; "
                    + "eDelivery of that domain is then switched on.")
    @APIResponse(responseCode = "200", description = "Recorded; firstUse tells whether it was the first")
    @APIResponse(responseCode = "400", description = "Invalid employer, domain or usageKind (the fields are named)")
    @APIResponse(responseCode = "403", description = "The caller is not a domain system, or the space is not "
            + "certified for that employer and domain")
    @APIResponse(responseCode = "404", description = "No such space")
    public SpaceViews.DomainUseView report(@PathParam("spaceId") UUID spaceId,
                                           @NotNull(message = "is required") @Valid
                                           SpaceRequests.ReportDomainUse body) {
        return SpaceViews.DomainUseView.of(usages.record(spaceId,
                DomainUse.of(body.employer(), body.domain(), body.usageKind())));
    }
}
