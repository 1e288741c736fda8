package lu.ccss.guichet.space;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rotating NATIONAL_ID_HMAC_KEY: with a new key first and the old one after it, new hashes use the new key while
 * invitations hashed under the old key are still found and accepted by their invitee.
 */
@QuarkusTest
@TestProfile(NationalIdKeyRotationTest.Rotated.class)
class NationalIdKeyRotationTest {

    static final String OLD = Base64.getEncoder().encodeToString("old-national-id-key-for-the-tests!".getBytes());
    static final String NEW = Base64.getEncoder().encodeToString("new-national-id-key-for-the-tests!".getBytes());

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.space.national-id-hmac-key", "2026-12:" + NEW + ",2026-01:" + OLD);
        }
    }

    private static String hmac(String base64Key, String nationalId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(nationalId.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void newHashesUseTheCurrentKeyAndThoseOfTheOlderKeyAreStillFound() throws Exception {
        String administrator = Tokens.newUser();
        String spaceId = SpaceApi.createSpace(administrator, null);
        String nationalId = SpaceApi.newNationalId();
        String invitation = SpaceApi.invite(administrator, spaceId, nationalId, "MEMBER");
        String stored = TestDatabase.text("select national_id_hash from invitation where id = '" + invitation + "'");
        assertEquals(hmac(NEW, nationalId), stored, "a new invitation is hashed under the current key");

        // As if it had been made before the rotation.
        SpaceApi.execute("update invitation set national_id_hash = '" + hmac(OLD, nationalId) + "' where id = '"
                + invitation + "'");
        String invitee = Tokens.newUser();
        given().auth().oauth2(Tokens.user(invitee, nationalId)).when().get("/api/invitations")
                .then().statusCode(200).body("id", hasItem(invitation));
        SpaceApi.accept(invitee, nationalId, invitation);
        assertEquals(hmac(NEW, nationalId), TestDatabase.text("select national_id_hash from person_identity "
                + "where user_id = '" + invitee + "'"), "the invitee's identity is recorded under the current key");
    }
}
