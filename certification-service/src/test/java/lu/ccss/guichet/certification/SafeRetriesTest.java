package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A filer's front end that retries with its Idempotency-Key gets the first answer and creates nothing more. */
@QuarkusTest
class SafeRetriesTest {

    @Test
    void aRetriedOpeningOpensOneDraftAndAnswersItsLocationAgain() {
        String user = Tokens.newUser();
        UUID space = Fixtures.spaceWithMember(user);
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = openWithKey(user, space, key);
        ExtractableResponse<Response> retry = openWithKey(user, space, key);

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.jsonPath().getString("reference"), retry.jsonPath().getString("reference"));
        assertEquals(1, count("select count(*) from certification_request where space_id = '" + space + "'"));
    }

    private static ExtractableResponse<Response> openWithKey(String user, UUID space, String key) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("spaceId", space.toString()))
                .when().post("/api/certification-requests").then().extract();
    }

    @Test
    void aRetriedTransmissionAnswersTransmittedAgainAndPublishesOnce() {
        String user = Tokens.newUser();
        UUID space = Fixtures.spaceWithMember(user);
        String id = Fixtures.completeDraft(user, space, Fixtures.EMPLOYER, "fr", "Mos3lle!");
        Fixtures.post(user, id, "confirm").statusCode(200);
        Fixtures.post(user, id, "signature").statusCode(200);
        String key = UUID.randomUUID().toString();

        transmitWithKey(user, id, key).statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("state", equalTo("TRANSMITTED"));
        transmitWithKey(user, id, key).statusCode(200).header("Idempotent-Replayed", "true")
                .body("state", equalTo("TRANSMITTED"));

        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id + "' and event_type = '"
                + EventTypes.REQUEST_TRANSMITTED.type() + "'"));
    }

    private static ValidatableResponse transmitWithKey(String user, String id, String key) {
        return given().auth().oauth2(Tokens.user(user)).header("Idempotency-Key", key)
                .when().post("/api/certification-requests/" + id + "/transmit").then();
    }

    @Test
    void theApiDocumentShowsTheKeyOnTheRequestsPosts() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/certification-requests'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/certification-requests/{id}/confirm'.post.parameters.name",
                        hasItem("Idempotency-Key"))
                .body("paths.'/api/certification-requests/{id}/signature'.post.parameters.name",
                        hasItem("Idempotency-Key"))
                .body("paths.'/api/certification-requests/{id}/transmit'.post.parameters.name",
                        hasItem("Idempotency-Key"));
    }
}
