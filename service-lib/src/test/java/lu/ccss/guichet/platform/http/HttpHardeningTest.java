package lu.ccss.guichet.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Tokens meant for another audience are refused; every answer carries the security headers; CORS is a list. */
@QuarkusTest
class HttpHardeningTest {

    static final String PORTAL = "https://portal.example.lu";

    private static void hardened(ValidatableResponse response) {
        response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String elsewhere = Jwt.preferredUserName("u").subject(Tokens.newUser()).groups(Set.of("user"))
                .issuer(Tokens.ISSUER).audience("https://another-application.example.com").jws().keyId("1")
                .sign("privateKey.jwk");
        given().auth().oauth2(elsewhere).when().get("/api/probe/me").then().statusCode(401);
        String none = Jwt.preferredUserName("u").subject(Tokens.newUser()).groups(Set.of("user"))
                .issuer(Tokens.ISSUER).jws().keyId("1").sign("privateKey.jwk");
        given().auth().oauth2(none).when().get("/api/probe/me").then().statusCode(401);
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when().get("/api/probe/me").then().statusCode(200);
    }

    @Test
    void everyApiAnswerCarriesTheSecurityHeadersAndIsNotCached() {
        hardened(given().auth().oauth2(Tokens.user(Tokens.newUser())).when().get("/api/probe/me").then()
                .statusCode(200).header("Cache-Control", equalTo("no-store")));
        hardened(given().when().get("/api/probe/me").then().statusCode(401)
                .header("Cache-Control", equalTo("no-store")));
        hardened(given().auth().oauth2(Tokens.user(Tokens.newUser())).when().get("/api/probe/notes/x").then()
                .statusCode(400).header("Cache-Control", equalTo("no-store")));
        hardened(given().when().get("/q/health/live").then().statusCode(200));
    }

    @Test
    void onlyTheConfiguredFrontEndMayCallFromABrowser() {
        given().header("Origin", PORTAL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/probe/notes").then()
                .header("Access-Control-Allow-Origin", equalTo(PORTAL));
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .when().options("/api/probe/notes").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(Tokens.user(Tokens.newUser())).header("Origin", "https://evil.example.com")
                .when().get("/api/probe/me").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theFrontEndMaySendAnIdempotencyKeyAndReadWhetherTheAnswerWasReplayed() {
        given().header("Origin", PORTAL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .when().options("/api/probe/notes").then()
                .header("Access-Control-Allow-Origin", equalTo(PORTAL))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Idempotency-Key"));
        given().auth().oauth2(Tokens.user(Tokens.newUser())).header("Origin", PORTAL)
                .when().get("/api/probe/me").then()
                .header("Access-Control-Expose-Headers", containsString("Idempotent-Replayed"));
    }

    @Test
    void docsAndMetricsAreOpenWhereConfigured() {
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
