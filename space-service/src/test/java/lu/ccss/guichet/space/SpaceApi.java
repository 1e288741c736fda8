package lu.ccss.guichet.space;

import io.restassured.http.ContentType;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicWriter;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.connect;
import static lu.ccss.guichet.testing.TestDatabase.count;

/** What the tests of this module do through the API, the broker and the database, in one place. */
final class SpaceApi {

    private SpaceApi() {
    }


    static String newEmployer() {
        return TestData.newRegistrationNumber();
    }

    static String newNationalId() {
        return TestData.newNationalId();
    }

    static String userToken(String user, String nationalId) {
        return nationalId == null ? Tokens.user(user) : Tokens.user(user, nationalId);
    }

    static String createSpace(String user, String nationalId) {
        return given().auth().oauth2(userToken(user, nationalId)).contentType(ContentType.JSON)
                .body(Map.of("name", "Space of " + user))
                .when().post("/api/spaces")
                .then().statusCode(201).extract().path("id");
    }

    static String invite(String administrator, String spaceId, String nationalId, String role) {
        return given().auth().oauth2(Tokens.user(administrator)).contentType(ContentType.JSON)
                .body(Map.of("name", "Claire Schmit", "email", "claire@example.lu", "nationalId", nationalId,
                        "role", role))
                .when().post("/api/spaces/" + spaceId + "/invitations")
                .then().statusCode(201).extract().path("id");
    }

    static void accept(String user, String nationalId, String invitationId) {
        given().auth().oauth2(Tokens.user(user, nationalId))
                .when().post("/api/invitations/" + invitationId + "/accept")
                .then().statusCode(200);
    }

    /** Adds a user to a space through an invitation they accept. */
    static void addMember(String administrator, String spaceId, String user, String role) {
        String nationalId = newNationalId();
        accept(user, nationalId, invite(administrator, spaceId, nationalId, role));
    }

    static void publishCertificationGranted(UUID certificationId, String spaceId, String employer, String domain,
                                            String capacity) {
        TopicWriter.publish(EventTypes.CERTIFICATION_GRANTED, employer, new MandateEvents.CertificationGranted(
                certificationId, UUID.fromString(spaceId), employer, Domain.valueOf(domain), Capacity.valueOf(capacity),
                UUID.randomUUID(), Instant.now()));
    }

    static void publishMandateRevoked(UUID certificationId, String spaceId, String employer, String domain,
                                      String capacity) {
        TopicWriter.publish(EventTypes.MANDATE_REVOKED, employer, new MandateEvents.MandateRevoked(certificationId,
                UUID.fromString(spaceId), employer, Domain.valueOf(domain), Capacity.valueOf(capacity),
                MandateEvents.RevocationReason.WITHDRAWN, null, Instant.now()));
    }

    /** Publishes a certification through the broker and waits until this service's projection holds it. */
    static UUID certify(String spaceId, String employer, String domain, String capacity) throws Exception {
        UUID id = UUID.randomUUID();
        publishCertificationGranted(id, spaceId, employer, domain, capacity);
        awaitCount("select count(*) from mandate where mandate_id = '" + id
                + "' and revoked_at is null", 1);
        return id;
    }

    static void revoke(UUID certificationId, String spaceId, String employer, String domain, String capacity)
            throws Exception {
        publishMandateRevoked(certificationId, spaceId, employer, domain, capacity);
        awaitCount("select count(*) from mandate where mandate_id = '" + certificationId
                + "' and revoked_at is not null", 1);
    }


    static void execute(String sql) throws SQLException {
        try (Connection c = connect()) {
            c.createStatement().executeUpdate(sql);
        }
    }


}
