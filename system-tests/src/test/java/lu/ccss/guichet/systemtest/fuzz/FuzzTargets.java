package lu.ccss.guichet.systemtest.fuzz;

import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.TestDocuments;
import lu.ccss.guichet.systemtest.PlatformFixture;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * What the fuzz aims at: for each operation a caller whose role allows it, and the fixture's real ids for its path
 * parameters, so that a bad input is answered for being bad and not for an unknown id or a forbidden caller.
 */
public final class FuzzTargets {

    private final PlatformFixture fixture;
    private final Map<String, Guichet> callerByRole;

    public FuzzTargets(PlatformFixture fixture) {
        this.fixture = fixture;
        // "user" is any signed-in person: the administrator of the employer space, which every id below belongs to.
        this.callerByRole = Map.of(
                "user", fixture.administrator,
                "ccss-operator", fixture.operator,
                "print-provider", fixture.printProvider,
                "domain-system", fixture.domainSystem);
    }

    /** A caller allowed to call the operation (the first of its roles the fixture has a caller for). */
    public Optional<Guichet> caller(ApiOperation operation) {
        return operation.roles().stream().map(callerByRole::get).filter(g -> g != null).findFirst();
    }

    /** The real value of a path parameter of {@code operation}. */
    public String pathValue(ApiOperation operation, String parameter) {
        return switch (parameter) {
            case "spaceId" -> fixture.employerSpace.toString();
            // /api/certification-requests/{id}: the draft, which every step may still change
            case "id" -> fixture.draft.toString();
            case "requestId" -> fixture.request.toString();
            case "mandateId" -> fixture.holderMandate.toString();
            case "letterId" -> fixture.batchedLetter.toString();
            case "batchId" -> fixture.batch.toString();
            case "documentId" -> fixture.document.toString();
            case "invitationId" -> fixture.invitation.toString();
            case "userId" -> fixture.memberUserId;
            case "registrationNumber" -> fixture.employerNumber;
            default -> throw new IllegalArgumentException("no fixture value for path parameter {" + parameter
                    + "} of " + operation + ": add one to FuzzTargets");
        };
    }

    /** A valid value of a query parameter, or empty for an optional one the request may leave out. */
    public Optional<String> queryValue(ApiOperation.ApiParameter parameter) {
        return Optional.ofNullable(switch (parameter.name()) {
            case "spaceId" -> fixture.employerSpace.toString();
            case "requestId" -> fixture.request.toString();
            case "batchId" -> fixture.batch.toString();
            case "employer" -> fixture.employerNumber;
            case "domain" -> PlatformFixture.USED_DOMAIN;
            default -> null;
        }).or(() -> {
            if (parameter.required()) {
                throw new IllegalArgumentException("no fixture value for required query parameter "
                        + parameter.name() + ": add one to FuzzTargets");
            }
            return Optional.empty();
        });
    }

    /**
     * A valid value for the body property at {@code path} ({@code agents[0].email}) that the schema alone cannot make
     * valid (registration numbers with check digits, ids of the fixture, codes), or null to derive it from the
     * schema. Values are chosen to change nothing even if a broken input were accepted: the colleague keeps the
     * MEMBER role, the access code is one already used.
     */
    public String bodyHint(String path) {
        String property = path.substring(path.lastIndexOf('.') + 1);
        return switch (property) {
            case "spaceId" -> fixture.employerSpace.toString();
            case "registrationNumber" -> path.startsWith("agents") ? fixture.agentNumber : fixture.employerNumber;
            case "employer" -> fixture.employerNumber;
            case "nationalId" -> PlatformFixture.nobodysNationalId();
            case "role" -> "MEMBER";
            case "accessCode", "revocationCode" -> fixture.usedAccessCode;
            case "securityCode", "code", "confirmation" -> fixture.securityCode;
            case "domain" -> PlatformFixture.USED_DOMAIN;
            case "capacity" -> "HOLDER";
            case "language" -> "fr";
            case "email" -> "fuzz@guichet.test";
            case "content" -> Base64.getEncoder().encodeToString(TestDocuments.pdf("Fuzz", "Fuzz"));
            default -> null;
        };
    }
}
