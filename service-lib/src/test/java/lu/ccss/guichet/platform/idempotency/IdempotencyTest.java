package lu.ccss.guichet.platform.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A creating request retried with its Idempotency-Key gets its first answer and creates nothing more. */
@QuarkusTest
class IdempotencyTest {

    private static final String NOTES = "/api/idempotency-probe/notes";

    @Inject
    StoredAnswers answers;

    private static RequestSpecification as(String user, String key) {
        RequestSpecification request = given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    private static Map<String, String> note(String aggregate, String text) {
        return Map.of("aggregate", aggregate, "text", text, "secret", "not-stored-" + aggregate);
    }

    private static ExtractableResponse<Response> post(String user, String key, String path, Object body) {
        return as(user, key).body(body).when().post(path).then().extract();
    }

    private static long notesOf(String aggregate) {
        return count("select count(*) from test_note where aggregate = '" + aggregate + "'");
    }

    private static long keysOf(String user) {
        return count("select count(*) from idempotency_key where caller = '" + user + "'");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aRetryGetsTheFirstAnswerAgainAndCreatesNothing() {
        String user = Tokens.newUser();
        String key = newKey();
        String aggregate = "retried-" + key;

        ExtractableResponse<Response> first = post(user, key, NOTES, note(aggregate, "hello"));
        ExtractableResponse<Response> retry = post(user, key, NOTES, note(aggregate, "hello"));

        assertEquals(201, first.statusCode());
        assertEquals(null, first.header("Idempotent-Replayed"));
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertTrue(retry.contentType().startsWith("application/json"));
        assertEquals(first.body().asString(), retry.body().asString());
        assertEquals(1, notesOf(aggregate));
        assertEquals(1, keysOf(user));
    }

    @Test
    void aMethodAnsweringAViewIsReplayedToo() {
        String user = Tokens.newUser();
        String key = newKey();
        String aggregate = "view-" + key;
        String path = "/api/idempotency-probe/aggregates/" + aggregate + "/notes";

        String firstId = as(user, key).body(note("ignored", "hello")).when().post(path)
                .then().statusCode(200).header("Idempotent-Replayed", nullValue()).extract().path("id");
        as(user, key).body(note("ignored", "hello")).when().post(path)
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(firstId));

        assertEquals(1, notesOf(aggregate));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndCreatesNothing() {
        String user = Tokens.newUser();
        String key = newKey();
        String aggregate = "reused-" + key;
        post(user, key, NOTES, note(aggregate, "hello"));

        as(user, key).body(note(aggregate, "another text")).when().post(NOTES)
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Idempotency key reused"));
        assertEquals(1, notesOf(aggregate));
    }

    @Test
    void theSameKeyAndBodyOnAnotherPathIsA422() {
        String user = Tokens.newUser();
        String key = newKey();
        String path = "/api/idempotency-probe/aggregates/";
        as(user, key).body(note("x", "hello")).when().post(path + "first-" + key + "/notes").then().statusCode(200);

        as(user, key).body(note("x", "hello")).when().post(path + "second-" + key + "/notes")
                .then().statusCode(422).contentType(startsWith("application/problem+json"));
        assertEquals(0, notesOf("second-" + key));
    }

    @Test
    void aKeyBelongsToItsCallerAndItsOperation() {
        String alice = Tokens.newUser();
        String bob = Tokens.newUser();
        String key = newKey();
        String aggregate = "shared-" + key;
        ExtractableResponse<Response> fromAlice = post(alice, key, NOTES, note(aggregate, "hello"));

        ExtractableResponse<Response> fromBob = post(bob, key, NOTES, note(aggregate, "hello"));
        assertEquals(201, fromBob.statusCode());
        assertEquals(null, fromBob.header("Idempotent-Replayed"));
        assertNotEquals(fromAlice.header("Location"), fromBob.header("Location"));

        as(alice, key).body(note(aggregate, "hello")).when().post("/api/idempotency-probe/slow-notes")
                .then().statusCode(200).header("Idempotent-Replayed", nullValue());
        assertEquals(3, notesOf(aggregate));
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeaderAndCreatesNothing() {
        String user = Tokens.newUser();
        String aggregate = "malformed-" + newKey();
        // Control characters never reach the service through this client; IdempotencyKeysTest covers them.
        for (String key : List.of("", "x".repeat(256), "caf\u00e9")) {
            as(user, key).body(note(aggregate, "hello")).when().post(NOTES)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        as(user, null).header("Idempotency-Key", "one").header("Idempotency-Key", "two")
                .body(note(aggregate, "hello")).when().post(NOTES)
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        as(user, "x".repeat(255)).body(note(aggregate, "longest")).when().post(NOTES).then().statusCode(201);

        assertEquals(1, notesOf(aggregate));
    }

    @Test
    void withoutAKeyEveryRequestCreatesAsBefore() {
        String user = Tokens.newUser();
        String aggregate = "keyless-" + newKey();
        post(user, null, NOTES, note(aggregate, "hello"));
        post(user, null, NOTES, note(aggregate, "hello"));

        assertEquals(2, notesOf(aggregate));
        assertEquals(0, keysOf(user));
    }

    @Test
    void aFailedRequestLeavesNoKeySoItsRetryRunsAgain() {
        String user = Tokens.newUser();
        String key = newKey();
        String aggregate = "failed-" + key;
        for (int attempt = 0; attempt < 2; attempt++) {
            as(user, key).body(note(aggregate, "hello")).when().post("/api/idempotency-probe/refused-notes")
                    .then().statusCode(409).header("Idempotent-Replayed", nullValue())
                    .body("detail", equalTo("refused after writing"));
        }
        assertEquals(0, notesOf(aggregate));
        assertEquals(0, keysOf(user));
    }

    @Test
    void whatARefusalKeepsIsKeptWithoutAKey() {
        String user = Tokens.newUser();
        String key = newKey();
        String aggregate = "kept-" + key;
        for (int attempt = 0; attempt < 2; attempt++) {
            as(user, key).body(note(aggregate, "hello")).when().post("/api/idempotency-probe/kept-refused-notes")
                    .then().statusCode(409).header("Idempotent-Replayed", nullValue());
        }
        assertEquals(2, notesOf(aggregate), "each refusal keeps its write, as a refused code keeps its count");
        assertEquals(0, keysOf(user));
    }

    @Test
    void whatARequestCreatedDoesNotCommitWithoutItsStoredAnswer() {
        String user = Tokens.newUser();
        String key = newKey();
        String aggregate = "unstorable-" + key;
        as(user, key).body(note(aggregate, "hello")).when().post("/api/idempotency-probe/unstorable-notes")
                .then().statusCode(500).contentType(startsWith("application/problem+json"));

        assertEquals(0, notesOf(aggregate), "the note and its key commit together or not at all");
        assertEquals(0, keysOf(user));
    }

    @Test
    void twoRequestsWithOneKeyAtOnceCreateOnce() throws Exception {
        String user = Tokens.newUser();
        String key = newKey();
        String aggregate = "concurrent-" + key;
        String path = "/api/idempotency-probe/slow-notes";
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ExtractableResponse<Response>>> calls = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return post(user, key, path, note(aggregate, "hello"));
                })).toList();
        start.countDown();
        List<ExtractableResponse<Response>> answers = calls.stream()
                .map(call -> call.orTimeout(30, TimeUnit.SECONDS).join()).toList();

        List<Integer> statuses = answers.stream().map(ExtractableResponse::statusCode).sorted().toList();
        assertEquals(List.of(200, 409), statuses);
        ExtractableResponse<Response> loser = answers.stream().filter(a -> a.statusCode() == 409).findFirst()
                .orElseThrow();
        assertTrue(loser.contentType().startsWith("application/problem+json"));
        assertEquals("1", loser.header("Retry-After"));
        assertEquals(1, notesOf(aggregate));

        as(user, key).body(note(aggregate, "hello")).when().post(path)
                .then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(1, notesOf(aggregate));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKeyOlderThanTheRetentionIsIgnoredThenDeleted() throws SQLException {
        String user = Tokens.newUser();
        String key = newKey();
        String aggregate = "expired-" + key;
        String firstLocation = post(user, key, NOTES, note(aggregate, "hello")).header("Location");
        age(user, "25 hours");

        ExtractableResponse<Response> later = post(user, key, NOTES, note(aggregate, "hello"));
        assertEquals(201, later.statusCode());
        assertEquals(null, later.header("Idempotent-Replayed"));
        assertNotEquals(firstLocation, later.header("Location"));
        assertEquals(2, notesOf(aggregate));

        String other = newKey();
        post(user, other, NOTES, note("kept-" + other, "hello"));
        age(user, "25 hours");
        post(user, newKey(), NOTES, note("fresh-" + other, "hello"));
        assertTrue(answers.deleteExpired() >= 2);
        assertEquals(1, keysOf(user), "only the fresh key is left");
    }

    private static void age(String user, String by) throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            c.createStatement().executeUpdate("update idempotency_key set created_at = created_at - interval '" + by
                    + "' where caller = '" + user + "'");
        }
    }

    @Test
    void neitherTheRequestNorItsSecretsAreStoredInClear() {
        String user = Tokens.newUser();
        String key = newKey();
        String aggregate = "secret-" + key;
        post(user, key, NOTES, note(aggregate, "hello"));

        String row = TestDatabase.text("select k::text from idempotency_key k where caller = '" + user + "'");
        assertFalse(row.contains("not-stored-" + aggregate), row);
        String fingerprint = TestDatabase.text("select fingerprint from idempotency_key where caller = '" + user + "'");
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
    }

    @Test
    void theApiDocumentShowsTheHeaderAndItsAnswersOnIdempotentOperationsOnly() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/idempotency-probe/notes'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/idempotency-probe/notes'.post.responses.'422'.description",
                        startsWith("The Idempotency-Key was already used for another request"))
                .body("paths.'/api/idempotency-probe/notes'.post.responses.'409'.description",
                        startsWith("A request with the same Idempotency-Key is still in progress"))
                .body("paths.'/api/idempotency-probe/notes'.post.responses.'200'.headers",
                        hasKey("Idempotent-Replayed"))
                .body("paths.'/api/idempotency-probe/aggregates/{aggregate}/notes'.post.parameters.name",
                        hasItem("Idempotency-Key"))
                .body("paths.'/api/idempotency-probe/plain-notes'.post.parameters", nullValue())
                .body("paths.'/api/idempotency-probe/plain-notes'.post.responses", not(hasKey("422")));
    }
}
