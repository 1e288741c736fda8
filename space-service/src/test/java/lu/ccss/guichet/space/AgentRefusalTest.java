package lu.ccss.guichet.space;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.space.SpaceApi.certify;
import static lu.ccss.guichet.space.SpaceApi.createSpace;
import static lu.ccss.guichet.space.SpaceApi.invite;
import static lu.ccss.guichet.space.SpaceApi.newEmployer;
import static lu.ccss.guichet.space.SpaceApi.newNationalId;
import static lu.ccss.guichet.space.SpaceApi.revoke;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Agents are not collaborators: the certifications come from the mandate-service's events, through the broker. */
@QuarkusTest
class AgentRefusalTest {

    private static Map<String, String> invitation(String nationalId) {
        return Map.of("name", "Fiona Fiduciaire", "email", "fiona@fidu.lu", "nationalId", nationalId,
                "role", "MEMBER");
    }

    @Test
    void refusesToInviteAMemberOfTheEmployersAgentSpacePointingToProceduresBAndC() throws Exception {
        String employer = newEmployer();
        String holder = newUser();
        String holderSpace = createSpace(holder, null);
        String fiona = newUser();
        String fionaNationalId = newNationalId();
        String agentSpace = createSpace(fiona, fionaNationalId);
        certify(holderSpace, employer, "REMUNERATIONS", "HOLDER");
        UUID agentMandate = certify(agentSpace, employer, "REMUNERATIONS", "AGENT");

        given().auth().oauth2(Tokens.user(holder)).contentType(ContentType.JSON).body(invitation(fionaNationalId))
                .when().post("/api/spaces/" + holderSpace + "/invitations")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("agent"))
                .body("detail", containsString("procedure B"))
                .body("detail", containsString("procedure C"))
                .body("detail", containsString(employer));
        assertEquals(0, count("select count(*) from invitation where space_id = '" + holderSpace + "'"));

        // Once the agent's mandate is withdrawn, the person is no longer the employer's agent.
        revoke(agentMandate, agentSpace, employer, "REMUNERATIONS", "AGENT");
        given().auth().oauth2(Tokens.user(holder)).contentType(ContentType.JSON).body(invitation(fionaNationalId))
                .when().post("/api/spaces/" + holderSpace + "/invitations")
                .then().statusCode(201);
    }

    @Test
    void anAgentOfAnotherEmployerOrOfAnUncertifiedSpaceMayBeInvited() throws Exception {
        String employer = newEmployer();
        String otherEmployer = newEmployer();
        String holder = newUser();
        String holderSpace = createSpace(holder, null);
        String fiona = newUser();
        String fionaNationalId = newNationalId();
        String agentSpace = createSpace(fiona, fionaNationalId);
        certify(holderSpace, employer, "BILLING", "HOLDER");
        certify(agentSpace, otherEmployer, "BILLING", "AGENT");

        given().auth().oauth2(Tokens.user(holder)).contentType(ContentType.JSON).body(invitation(fionaNationalId))
                .when().post("/api/spaces/" + holderSpace + "/invitations")
                .then().statusCode(201);

        // A space that is itself only an agent of the employer is not its holder: the rule does not apply.
        String agentOnlyAdmin = newUser();
        String agentOnlySpace = createSpace(agentOnlyAdmin, null);
        certify(agentOnlySpace, employer, "AFFILIATIONS", "AGENT");
        String gina = newUser();
        String ginaNationalId = newNationalId();
        certify(createSpace(gina, ginaNationalId), employer, "BILLING", "AGENT");
        given().auth().oauth2(Tokens.user(agentOnlyAdmin)).contentType(ContentType.JSON)
                .body(invitation(ginaNationalId))
                .when().post("/api/spaces/" + agentOnlySpace + "/invitations")
                .then().statusCode(201);
    }

    @Test
    void refusesAtAcceptanceAPersonWhoBecameTheEmployersAgentAfterBeingInvited() throws Exception {
        String employer = newEmployer();
        String holder = newUser();
        String holderSpace = createSpace(holder, null);
        certify(holderSpace, employer, "AFFILIATIONS", "HOLDER");
        String gina = newUser();
        String ginaNationalId = newNationalId();
        String invitationId = invite(holder, holderSpace, ginaNationalId, "MEMBER");

        // Gina was unknown at invitation time; she then signs in, creates her fiduciary's space, and is its agent.
        String ginaSpace = createSpace(gina, ginaNationalId);
        certify(ginaSpace, employer, "AFFILIATIONS", "AGENT");

        given().auth().oauth2(Tokens.user(gina, ginaNationalId))
                .when().post("/api/invitations/" + invitationId + "/accept")
                .then().statusCode(409).body("detail", containsString("procedure B"));
        assertEquals(0, count("select count(*) from space_member where space_id = '" + holderSpace
                + "' and user_id = '" + gina + "'"));
    }
}
