package lu.ccss.guichet.mandate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mandate.Scenario.HOLDER_SECURITY_CODE;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Redeeming codes again with the same Idempotency-Key answers the first certification and grants nothing more. */
@QuarkusTest
class SafeRetriesTest {

    private static ExtractableResponse<Response> certify(String user, UUID space, String accessCode,
                                                         String securityCode, String key) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("domain", "BILLING", "capacity", "HOLDER", "accessCode", accessCode,
                        "securityCode", securityCode))
                .when().post("/api/spaces/" + space + "/certifications").then().extract();
    }

    @Test
    void aRetriedCertificationGrantsOneMandateAndAnswersItsLocationAgain() {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued issued = Scenario.issueAndPost(employer);
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING);
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = certify(holder, space, access, HOLDER_SECURITY_CODE, key);
        ExtractableResponse<Response> retry = certify(holder, space, access, HOLDER_SECURITY_CODE, key);

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode(), retry.body().asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(1, count("select count(*) from mandate where space_id = '" + space + "'"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + employer
                + "' and event_type = '" + EventTypes.CERTIFICATION_GRANTED.type() + "'"));
        assertEquals(0, count("select count(*) from idempotency_key where body like '%" + access + "%' or body like '%"
                + HOLDER_SECURITY_CODE + "%'"), "the stored answer holds no code");
    }

    @Test
    void aRefusedPairRetriedWithItsKeyIsCountedEachTime() {
        Scenario.Issued issued = Scenario.issueAndPost(TestData.newRegistrationNumber());
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING);
        String key = UUID.randomUUID().toString();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertEquals(422, certify(holder, space, access, "Wrong-42", key).statusCode());
        }
        assertEquals(2, count("select failed_attempts from issued_code where id = '"
                + CertificationTest.codeId(access) + "'"), "a key never hides a failed attempt from the lock");
        assertEquals(0, count("select count(*) from idempotency_key where caller = '" + holder + "'"));
    }

    @Test
    void theApiDocumentShowsTheKeyOnTheCreatingRequests() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/spaces/{spaceId}/certifications'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/revocations'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/operator/requests/{requestId}/reissue'.post.parameters.name",
                        hasItem("Idempotency-Key"));
    }
}
