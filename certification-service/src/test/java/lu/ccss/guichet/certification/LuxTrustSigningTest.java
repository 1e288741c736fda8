package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static lu.ccss.guichet.certification.Fixtures.*;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With guichet.signing.provider=luxtrust the service says it cannot sign from here, and never pretends it did. */
@QuarkusTest
@TestProfile(LuxTrustSigningTest.LuxTrust.class)
class LuxTrustSigningTest {

    public static class LuxTrust implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.signing.provider", "luxtrust",
                    "guichet.signing.luxtrust.endpoint", "https://signing.luxtrust.example/api");
        }
    }

    @Test
    void theLuxTrustAdapterAnswers503AndTheRequestStaysUnsigned() {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = completeDraft(user, space, EMPLOYER, "fr", "LuxTrust-1");
        post(user, id, "confirm").statusCode(200);

        post(user, id, "signature").statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("LuxTrust signing is not reachable from this environment"));

        get(user, id).statusCode(200).body("state", equalTo("CONFIRMED"))
                .body("document.signed", equalTo(false))
                .body("signedAt", equalTo(null));
        assertEquals(0, count("select count(*) from request_document where request_id = '" + id
                + "' and signed_pdf is not null"));
        post(user, id, "transmit").statusCode(409);
        assertEquals(0, count("select count(*) from outbox_event where aggregate_id = '" + id + "'"));
    }
}
