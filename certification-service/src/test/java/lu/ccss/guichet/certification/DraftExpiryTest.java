package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.certification.service.DraftExpiry;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static lu.ccss.guichet.certification.Fixtures.*;
import static lu.ccss.guichet.testing.TestDatabase.text;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DraftExpiryTest {

    @Inject
    DraftExpiry expiry;

    private static void untouchedFor(String id, int days) throws SQLException {
        update("update certification_request set updated_at = now() - interval '" + days + " days' where id = '"
                + id + "'");
    }

    @Test
    void openRequestsUntouchedFor30DaysExpireAndFreeTheirEmployer() throws SQLException {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String old = completeDraft(user, space, EMPLOYER, "fr", "Expire-01");
        String recent = openDraft(user, space);
        String oldConfirmed = completeDraft(user, space, OTHER_EMPLOYER, "en", "Expire-02");
        post(user, oldConfirmed, "confirm").statusCode(200);
        untouchedFor(old, 31);
        untouchedFor(recent, 29);
        untouchedFor(oldConfirmed, 45);

        int expired = expiry.expireUntouchedRequests();

        assertTrue(expired >= 2, "expired " + expired);
        get(user, old).statusCode(200).body("state", equalTo("EXPIRED"))
                .body("closedAt", notNullValue())
                .body("timeline.kind", hasItem("EXPIRED"));
        get(user, oldConfirmed).statusCode(200).body("state", equalTo("EXPIRED"));
        get(user, recent).statusCode(200).body("state", equalTo("DRAFT"));
        assertNull(text("select security_code_hash from certification_request where id = '" + old + "'"));
        put(user, old, "filer", filer()).statusCode(409);

        // The employer may be filed for again.
        String again = openDraft(user, space);
        put(user, again, "employer", employer(EMPLOYER, "fr")).statusCode(200);
        assertEquals(0, expiry.expireUntouchedRequests(), "nothing left to expire");
    }

    @Test
    void savingAStepKeepsADraftAlive() throws SQLException {
        String user = newUser();
        String id = openDraft(user, spaceWithMember(user));
        untouchedFor(id, 31);
        put(user, id, "information", acknowledged()).statusCode(200);
        expiry.expireUntouchedRequests();
        get(user, id).statusCode(200).body("state", equalTo("DRAFT"));
    }

    @Test
    void transmittedRequestsNeverExpire() throws SQLException {
        String user = newUser();
        String id = transmitted(user, spaceWithMember(user), "Forever-1");
        // Age it behind the trigger's back, as only a database owner could.
        update("alter table certification_request disable trigger certification_request_frozen_once_transmitted");
        try {
            untouchedFor(id, 400);
        } finally {
            update("alter table certification_request enable trigger certification_request_frozen_once_transmitted");
        }
        expiry.expireUntouchedRequests();
        get(user, id).statusCode(200).body("state", equalTo("TRANSMITTED"));
    }
}
