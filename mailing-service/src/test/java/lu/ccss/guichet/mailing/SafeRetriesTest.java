package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import lu.ccss.guichet.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mailing.MailingApi.count;
import static lu.ccss.guichet.mailing.MailingApi.letterOfKind;
import static lu.ccss.guichet.mailing.MailingApi.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An operator's screen that retries with its Idempotency-Key gets the first answer and records nothing twice. */
@QuarkusTest
class SafeRetriesTest {

    private static ValidatableResponse posted(Object letterId, String key) {
        return given().auth().oauth2(operator()).header("Idempotency-Key", key)
                .when().post("/api/letters/" + letterId + "/posted").then();
    }

    @Test
    void aRetriedPostingAnswersPostedAgainAndPublishesOnce() throws SQLException {
        CodesIssuedFixture request = LetterLifecycleTest.generatedLetters();
        LetterLifecycleTest.printBatch().then().statusCode(201);
        Object id = letterOfKind(MailingApi.letters(request.requestId), "CODES_EMPLOYER", null).get("id");
        String key = UUID.randomUUID().toString();

        posted(id, key).statusCode(200).header("Idempotent-Replayed", nullValue()).body("status", equalTo("POSTED"));
        posted(id, key).statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("POSTED"));

        assertEquals(1, count("select count(*) from letter_status_change where letter_id = ?::uuid "
                + "and status = 'POSTED'", id.toString()));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = ?",
                id.toString(), EventTypes.LETTER_POSTED.type()));
    }

    @Test
    void theApiDocumentShowsTheKeyOnTheDocumentAndLetterPostsButNotOnPrintBatches() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/documents'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/letters/{letterId}/posted'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/letters/{letterId}/returned'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/print-batches'.post.parameters", nullValue());
    }
}
