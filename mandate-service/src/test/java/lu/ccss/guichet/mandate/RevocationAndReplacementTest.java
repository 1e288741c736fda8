package lu.ccss.guichet.mandate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.MandateRevoked;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mandate.Scenario.HOLDER_SECURITY_CODE;
import static lu.ccss.guichet.mandate.Scenario.authorization;
import static lu.ccss.guichet.mandate.Scenario.certify;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RevocationAndReplacementTest {

    @Test
    void aNewHolderSpaceReplacesThePreviousOne() {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued first = Scenario.issueAndPost(employer);
        String holder = Tokens.newUser();
        UUID oldSpace = Scenario.certifiedHolderSpace(holder, first, Domain.BILLING);
        String oldMandate = given().auth().oauth2(Tokens.user(holder))
                .when().get("/api/spaces/" + oldSpace + "/certifications").then().extract().path("[0].id");

        Scenario.Issued second = Scenario.issueAndPost(employer);
        UUID newSpace = Scenario.certifiedHolderSpace(holder, second, Domain.BILLING);

        given().auth().oauth2(Tokens.user(holder)).when().get("/api/spaces/" + oldSpace + "/certifications")
                .then().statusCode(200).body("$", hasSize(0));
        authorization(oldSpace, employer, Domain.BILLING).body("authorized", equalTo(false));
        authorization(newSpace, employer, Domain.BILLING).body("authorized", equalTo(true));
        MandateRevoked revoked = Scenario.revokedEvent(employer, oldMandate);
        assertEquals(RevocationReason.REPLACED, revoked.reason());
        assertEquals(oldSpace, revoked.spaceId());
        assertEquals(newSpace, revoked.successorSpaceId(), "the event names the space that holds the mandate now");
        assertEquals(Capacity.HOLDER, revoked.capacity());
        assertEquals(1, TestDatabase.count("select count(*) from mandate where employer = '" + employer
                + "' and ended_at is null"));
    }

    @Test
    void aHolderRevocationCodeRevokesTheHolderCertificationOfItsDomainOnce() {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued issued = Scenario.issueAndPost(employer);
        String holder = Tokens.newUser();
        UUID space = Scenario.certifiedHolderSpace(holder, issued, Domain.AFFILIATIONS);
        Scenario.certifiedHolderSpace(holder, issued, Domain.BILLING);
        String certification = given().auth().oauth2(Tokens.user(holder))
                .when().get("/api/spaces/" + space + "/certifications").then().extract().path("[0].id");
        String revocationCode = issued.code(CodeKind.HOLDER_REVOCATION, Domain.AFFILIATIONS);
        String someone = Tokens.newUser();

        revoke(someone, revocationCode).then().statusCode(200)
                .body("employer", equalTo(employer))
                .body("domain", equalTo("AFFILIATIONS"))
                .body("revokedMandateId", equalTo(certification))
                .body("accessCodeVoided", equalTo(false));
        given().auth().oauth2(Tokens.user(holder)).when().get("/api/spaces/" + space + "/certifications")
                .then().statusCode(200).body("$", hasSize(0));
        authorization(space, employer, Domain.AFFILIATIONS).body("authorized", equalTo(false));
        assertEquals(RevocationReason.REVOKED_BY_CODE, Scenario.revokedEvent(employer, certification).reason());
        revoke(someone, revocationCode).then().statusCode(409).body("detail", containsString("already been used"));
        // the other domain stays certified
        assertEquals(1, TestDatabase.count("select count(*) from mandate where employer = '" + employer
                + "' and domain = 'BILLING' and ended_at is null"));
    }

    @Test
    void aRevocationCodeOfAnotherLetterChangesNothing() {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued first = Scenario.issueAndPost(employer);
        Scenario.Issued second = Scenario.issueAndPost(employer);
        String holder = Tokens.newUser();
        UUID space = Scenario.certifiedHolderSpace(holder, second, Domain.BILLING);

        revoke(Tokens.newUser(), first.code(CodeKind.HOLDER_REVOCATION, Domain.BILLING)).then().statusCode(409)
                .body("detail", containsString("another letter"));
        authorization(space, employer, Domain.BILLING).body("authorized", equalTo(true));
        assertEquals(1, TestDatabase.count("select count(*) from mandate where employer = '" + employer
                + "' and ended_at is null"));
        assertEquals(0, TestDatabase.count("select count(*) from issued_code where employer = '" + employer
                + "' and kind = 'HOLDER_REVOCATION' and used_at is not null"), "the revocation code stays unused");

        revoke(Tokens.newUser(), second.code(CodeKind.HOLDER_REVOCATION, Domain.BILLING)).then().statusCode(200);
        authorization(space, employer, Domain.BILLING).body("authorized", equalTo(false));
    }

    @Test
    void revokingBeforeCertifyingVoidsTheUnusedHolderAccessCode() {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued issued = Scenario.issueAndPost(employer);
        revoke(Tokens.newUser(), issued.code(CodeKind.HOLDER_REVOCATION, Domain.BILLING)).then().statusCode(200)
                .body("revokedMandateId", nullValue())
                .body("accessCodeVoided", equalTo(true));
        String holder = Tokens.newUser();
        certify(holder, Scenario.spaceOf(holder), Domain.BILLING, Capacity.HOLDER,
                issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING), HOLDER_SECURITY_CODE)
                .then().statusCode(409).body("detail", containsString("no longer valid"));
    }

    @Test
    void anUnknownOrMistypedRevocationCodeIsRefusedAndRepeatedFailuresAreSlowedDown() {
        String prober = Tokens.newUser();
        Scenario.Issued issued = Scenario.issue(TestData.newRegistrationNumber());
        String notPosted = issued.code(CodeKind.HOLDER_REVOCATION, Domain.BILLING);
        revoke(prober, notPosted).then().statusCode(409).body("detail", containsString("not been posted"));
        String code = Scenario.unknownAccessCode();
        String mistyped = code.substring(0, 13) + (code.charAt(13) == 'A' ? 'B' : 'A');
        revoke(prober, mistyped).then().statusCode(400).body("errors.field", hasItem("revocationCode"));
        given().auth().oauth2(Tokens.user(prober)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/revocations").then().statusCode(400)
                .body("errors.field", hasItem("revocationCode"));
        for (int i = 0; i < 10; i++) {
            revoke(prober, Scenario.unknownAccessCode()).then().statusCode(422);
        }
        revoke(prober, Scenario.unknownAccessCode()).then().statusCode(429);
        given().contentType(ContentType.JSON).body(Map.of("revocationCode", code)).when().post("/api/revocations")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.domainSystem()).contentType(ContentType.JSON)
                .body(Map.of("revocationCode", code)).when().post("/api/revocations").then().statusCode(403);
    }

    @Test
    void anAccessCodeIsNotARevocationCodeNorTheOtherWayRound() {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued issued = Scenario.issueAndPost(employer);
        String holder = Tokens.newUser();
        Scenario.certifiedHolderSpace(holder, issued, Domain.AFFILIATIONS);
        revoke(holder, issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING)).then().statusCode(422);
        certify(holder, Scenario.spaceOf(holder), Domain.BILLING, Capacity.HOLDER,
                issued.code(CodeKind.HOLDER_REVOCATION, Domain.BILLING), HOLDER_SECURITY_CODE)
                .then().statusCode(422);
        assertEquals(1, TestDatabase.count("select count(*) from mandate where employer = '" + employer
                + "' and ended_at is null"));
    }

    private static Response revoke(String user, String code) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body(Map.of("revocationCode", code)).when().post("/api/revocations");
    }
}
