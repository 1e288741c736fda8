package lu.ccss.guichet.space;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.space.SpaceApi.certify;
import static lu.ccss.guichet.space.SpaceApi.createSpace;
import static lu.ccss.guichet.space.SpaceApi.newEmployer;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A front end or domain system that retries with its Idempotency-Key gets the first answer and creates nothing. */
@QuarkusTest
class SafeRetriesTest {

    @Test
    void aRetriedSpaceCreationCreatesOneSpaceAndAnswersItsLocationAgain() {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = createWithKey(user, key);
        ExtractableResponse<Response> retry = createWithKey(user, key);

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(1, count("select count(*) from space where created_by = '" + user + "'"));
        assertEquals(1, count("select count(*) from outbox_event where event_type = 'lu.ccss.space.created.v1' "
                + "and aggregate_id = '" + first.jsonPath().getString("id") + "'"));
    }

    private static ExtractableResponse<Response> createWithKey(String user, String key) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("name", "Boulangerie Muller"))
                .when().post("/api/spaces").then().extract();
    }

    @Test
    void aRetriedDomainUseIsCountedOnce() throws Exception {
        String space = createSpace(newUser(), null);
        String employer = newEmployer();
        certify(space, employer, "BILLING", "HOLDER");
        String key = UUID.randomUUID().toString();
        for (int call = 0; call < 2; call++) {
            given().auth().oauth2(Tokens.domainSystem()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(Map.of("employer", employer, "domain", "BILLING", "usageKind", "CONSULTATION"))
                    .when().post("/api/spaces/" + space + "/domain-usages").then().statusCode(200);
        }
        assertEquals(1, count("select use_count from domain_usage where space_id = '" + space + "'"));
    }

    @Test
    void theApiDocumentShowsTheKeyOnCreatingRequestsOnly() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/spaces'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/spaces/{spaceId}/invitations'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/invitations/{invitationId}/accept'.post.parameters.name",
                        hasItem("Idempotency-Key"))
                .body("paths.'/api/spaces/{spaceId}/domain-usages'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/spaces/{spaceId}/invitations'.get.parameters.name", not(hasItem("Idempotency-Key")));
    }
}
