package lu.ccss.guichet.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A token sent again is answered from the tokens already verified, and only a token verification would accept:
 * the same bytes, before its {@code exp}; what the caller may do is decided again on every request.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    MeterRegistry registry;

    private double remembered() {
        return count("remembered");
    }

    private double verified() {
        return count("verified");
    }

    /** 0 before the first request has made the bean (and its counters). */
    private double count(String result) {
        var counter = registry.find("guichet.security.verified.tokens").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgainAndActsAsTheSamePerson() {
        String user = Tokens.newUser();
        String token = Tokens.user(user);
        double rememberedBefore = remembered();
        double verifiedBefore = verified();

        given().auth().oauth2(token).when().get("/api/probe/me").then().statusCode(200).body("userId", equalTo(user));
        assertEquals(verifiedBefore + 1, verified(), "the first use is verified by quarkus-oidc");
        assertEquals(rememberedBefore, remembered());

        given().auth().oauth2(token).when().get("/api/probe/me").then().statusCode(200).body("userId", equalTo(user))
                .body("displayName", equalTo(user));
        given().auth().oauth2(token).when().get("/api/probe/me").then().statusCode(200).body("userId", equalTo(user));
        assertEquals(rememberedBefore + 2, remembered(), "the next uses are answered from the verified tokens");
        assertEquals(verifiedBefore + 1, verified());
    }

    @Test
    void aTokenDifferingInItsSignatureIsVerifiedAndRefusedThoughItsTwinIsRemembered() {
        String token = Tokens.user(Tokens.newUser());
        given().auth().oauth2(token).when().get("/api/probe/me").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/probe/me").then().statusCode(200);

        String payload = token.substring(0, token.lastIndexOf('.') + 1);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        String forged = payload + signature.substring(0, 10) + flipped + signature.substring(11);
        double rememberedBefore = remembered();
        given().auth().oauth2(forged).when().get("/api/probe/me").then().statusCode(401);
        given().auth().oauth2(payload + "c2lnbmF0dXJl").when().get("/api/probe/me").then().statusCode(401);
        given().auth().oauth2(payload).when().get("/api/probe/me").then().statusCode(401);
        assertEquals(rememberedBefore, remembered(), "a forged token is never answered from the cache");
    }

    @Test
    void aRememberedTokenIsRefusedFromItsExp() throws InterruptedException {
        Instant exp = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3);
        String token = Jwt.preferredUserName("short").subject(Tokens.newUser()).groups(Set.of("user"))
                .issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).expiresAt(exp).jws().keyId("1")
                .sign("privateKey.jwk");
        given().auth().oauth2(token).when().get("/api/probe/me").then().statusCode(200);
        double rememberedBefore = remembered();
        given().auth().oauth2(token).when().get("/api/probe/me").then().statusCode(200);
        assertEquals(rememberedBefore + 1, remembered());

        Thread.sleep(Math.max(0, exp.toEpochMilli() - System.currentTimeMillis()) + 1100);
        given().auth().oauth2(token).when().get("/api/probe/me").then().statusCode(401);
        assertEquals(rememberedBefore + 1, remembered(), "an expired token is not answered from the cache");
    }

    @Test
    void whatARememberedTokenMayDoIsDecidedOnEveryRequest() {
        String person = Tokens.user(Tokens.newUser());
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(person).when().get("/api/operator/register/employers/12345678901").then()
                    .statusCode(403);
        }
        // A token TokenRules refuses (a subject too long to store) is refused every time, remembered or not.
        String overlong = Tokens.user("x".repeat(256));
        double rememberedBefore = remembered();
        given().auth().oauth2(overlong).when().get("/api/probe/me").then().statusCode(401);
        given().auth().oauth2(overlong).when().get("/api/probe/me").then().statusCode(401);
        assertEquals(rememberedBefore + 1, remembered(), "the second use came from the cache and was still refused");
    }
}
