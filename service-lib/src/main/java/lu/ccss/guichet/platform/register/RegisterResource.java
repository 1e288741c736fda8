package lu.ccss.guichet.platform.register;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.platform.validation.ValidRegistrationNumber;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The register's entry as this service knows it, for CCSS operators (served by every service that follows it). */
@Path("/api/operator/register/employers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_OPERATOR)
@Tag(name = "Employer register", description = "The CCSS employer register as the platform follows it")
@IfBuildProperty(name = "guichet.projections.register", stringValue = "true")
public class RegisterResource {

    private final EmployerRegister register;

    public RegisterResource(EmployerRegister register) {
        this.register = register;
    }

    @GET
    @Path("/{registrationNumber}")
    @Operation(summary = "One entry of the employer register (role ccss-operator)", description = "Legal name, "
            + "registered address, correspondence language, kind (EMPLOYER or PROFESSIONAL_AGENT) and status "
            + "(ACTIVE or CEASED), as learnt from the register's events.")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "400", description = "Not a registration number")
    @APIResponse(responseCode = "404", description = "The register has never named this number")
    public RegisterEntry entry(@PathParam("registrationNumber") @ValidRegistrationNumber String registrationNumber) {
        String number = RegistrationNumber.normalise(registrationNumber.strip());
        return register.find(number).orElseThrow(() -> DomainException.notFound("The employer register has no entry "
                + "with this registration number"));
    }
}
