package lu.ccss.guichet.platform.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Whatever a client sends, every service answers a 400 naming what is wrong, never a 500 or a 404. */
@QuarkusTest
class InputHandlingTest {

    private static ValidatableResponse post(String json) {
        return given().auth().oauth2(Tokens.user(Tokens.newUser())).contentType(ContentType.JSON).body(json)
                .when().post("/api/probe/notes").then();
    }

    private static void refusedNaming(ValidatableResponse response, String field, String message) {
        response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo(message));
    }

    @Test
    void aNulCharacterInAStringIsA400NamingTheField() {
        refusedNaming(post("{\"name\": \"Acme\\u0000\"}"), "name", "must not contain control characters");
    }

    @Test
    void aControlCharacterInAListIsA400NamingTheElement() {
        refusedNaming(post("{\"tags\": [\"fine\", \"bell\\u0007\"]}"), "tags[1]", "must not contain control characters");
        refusedNaming(post("{\"text\": \"escape\\u001b[31m\"}"), "text", "must not contain control characters");
    }

    @Test
    void multiLineTextKeepsItsTabsAndLineBreaks() {
        post("{\"text\": \"line one\\r\\nline\\ttwo\\n\"}").statusCode(200)
                .body("text", equalTo("line one\r\nline\ttwo\n"));
    }

    @Test
    void aNumberOrABooleanWhereTextIsExpectedIsA400NamingTheField() {
        refusedNaming(post("{\"name\": 123}"), "name", "has the wrong type or format");
        refusedNaming(post("{\"name\": 1.5}"), "name", "has the wrong type or format");
        refusedNaming(post("{\"tags\": [true]}"), "tags[0]", "has the wrong type or format");
    }

    @Test
    void textOrANumberWhereABooleanIsExpectedAndTextWhereANumberIsExpectedAreA400NamingTheField() {
        // A lenient reader makes true of "true" and 1: a step acknowledged by {"acknowledged": 1} was accepted
        refusedNaming(post("{\"flag\": \"true\"}"), "flag", "has the wrong type or format");
        refusedNaming(post("{\"flag\": 1}"), "flag", "has the wrong type or format");
        refusedNaming(post("{\"count\": \"3\"}"), "count", "has the wrong type or format");
        refusedNaming(post("{\"count\": true}"), "count", "has the wrong type or format");
        post("{\"flag\": true, \"count\": 3}").statusCode(200).body("flag", equalTo(true)).body("count", equalTo(3));
    }

    @Test
    void datesUuidsAndNumbersAreStillRead() {
        UUID ref = UUID.randomUUID();
        post("{\"name\": \"Acme\", \"ref\": \"" + ref + "\", \"at\": \"2026-03-10T08:15:42Z\", \"count\": 3}")
                .statusCode(200).body("ref", equalTo(ref.toString())).body("at", equalTo("2026-03-10T08:15:42Z"))
                .body("count", equalTo(3));
    }

    @Test
    void aSecondDocumentOrGarbageAfterTheBodyIsA400() {
        post("{\"name\": \"Acme\"}{\"name\": \"Other\"}").statusCode(400)
                .contentType(startsWith("application/problem+json"));
        post("{\"name\": \"Acme\"} }{ garbage").statusCode(400).contentType(startsWith("application/problem+json"));
        post("{\"name\": \"Acme\"}\n").statusCode(200).body("name", equalTo("Acme"));
    }

    @Test
    void aKeyTwiceIsA400() {
        // Which of the two a reader keeps is a parser's choice: another reader of the same text could see the other.
        post("{\"name\": \"Acme\", \"name\": \"Other\"}").statusCode(400)
                .contentType(startsWith("application/problem+json"));
        // With one property, Jackson's own answer to a duplicate is an InvalidDefinitionException: it was a 500.
        String ref = "\"" + UUID.randomUUID() + "\"";
        given().auth().oauth2(Tokens.user(Tokens.newUser())).contentType(ContentType.JSON)
                .body("{\"ref\": " + ref + ", \"ref\": " + ref + "}").when().post("/api/probe/refs").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aNumberTooLargeInTheBodyIsA400() {
        post("{\"count\": 99999999999999999999}").statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aMalformedUuidInThePathIsA400NamingTheParameter() {
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when().get("/api/probe/notes/not-a-uuid").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("id")).body("errors[0].message", equalTo("must be a UUID"));
    }

    @Test
    void aNumberThatOverflowsItsTypeInTheQueryIsA400NamingTheParameter() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when()
                .get("/api/probe/notes/" + id + "?limit=99999999999").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when()
                .get("/api/probe/notes/" + id + "?after=99999999999999999999").then()
                .statusCode(400).body("errors[0].field", equalTo("after"));
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when()
                .get("/api/probe/notes/" + id + "?limit=12&after=3").then()
                .statusCode(200).body("id", equalTo(id)).body("limit", equalTo(12));
    }

    @Test
    void aControlCharacterInAPathOrQueryParameterIsA400NamingIt() {
        given().auth().oauth2(Tokens.user(Tokens.newUser())).urlEncodingEnabled(false).when()
                .get("/api/probe/names/ab%00c").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(Tokens.user(Tokens.newUser())).urlEncodingEnabled(false).when()
                .get("/api/probe/names/abc?q=x%00y").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when()
                .get("/api/probe/names/Müller?q=fine").then().statusCode(200).body("name", equalTo("Müller"));
    }

    @Test
    void anAnswerRepeatsNeitherAControlCharacterNorAHugeValueOfThePath() {
        given().auth().oauth2(Tokens.user(Tokens.newUser())).urlEncodingEnabled(false).when()
                .get("/api/probe/notes/ab%1Bc").then().statusCode(400)
                .body("instance", equalTo("/api/probe/notes/ab%1Bc"))
                .body(not(containsString("\u001b"))).body(not(containsString("\\u001B")));
        String huge = "x".repeat(3_000);
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when().get("/api/probe/notes/" + huge).then()
                .statusCode(400).body("errors[0].field", equalTo("id")).body(not(containsString("xxxxxxxxxx")));
    }

    @Test
    void anUnknownPathIsStillA404() {
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when().get("/api/probe/nothing-here").then()
                .statusCode(404);
    }

    @Test
    void aLongPostcodeIsRefusedWithoutMatchingIt() {
        // Java's regex recursion on a repeated group overflows the stack long before the body size limit.
        String postcode = "1 ".repeat(200_000) + "1";
        lu.ccss.guichet.platform.validation.PostalAddresses.postcodeProblem(postcode, "DE")
                .orElseThrow(() -> new AssertionError("accepted"));
        lu.ccss.guichet.platform.validation.PostalAddresses.postcodeProblem(postcode, "LU")
                .orElseThrow(() -> new AssertionError("accepted"));
    }

    @Test
    void aTokenWithoutSubjectIsA401() {
        String noSubject = io.smallrye.jwt.build.Jwt.preferredUserName("nobody").groups(java.util.Set.of("user"))
                .issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).jws().keyId("1").sign("privateKey.jwk");
        given().auth().oauth2(noSubject).when().get("/api/probe/me").then().statusCode(401);
        given().auth().oauth2(Tokens.user("x".repeat(256))).when().get("/api/probe/me").then().statusCode(401);
    }

    @Test
    void anOverlongNameIsCutToWhatIsKept() {
        String user = Tokens.newUser();
        String token = Tokens.token(user, java.util.Set.of("user"), java.util.Map.of("name", "N".repeat(5000)));
        given().auth().oauth2(token).when().get("/api/probe/me").then().statusCode(200)
                .body("userId", equalTo(user)).body("displayName", equalTo("N".repeat(200)));
        given().auth().oauth2(Tokens.user(user)).when().get("/api/probe/me").then().statusCode(200)
                .body("displayName", containsString(user));
    }

    @Test
    void aDatabaseAwayForAMomentIsA503ToTryAgainNotAnIncident() {
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when().get("/api/probe/database-away").then()
                .statusCode(503).contentType(startsWith("application/problem+json")).header("Retry-After", "1")
                .body("detail", not(containsString("incident"))).body("detail", not(containsString("5432")));
    }
}
