package lu.ccss.guichet.space;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.space.service.InvitationService;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.space.SpaceApi.accept;
import static lu.ccss.guichet.space.SpaceApi.createSpace;
import static lu.ccss.guichet.space.SpaceApi.execute;
import static lu.ccss.guichet.space.SpaceApi.invite;
import static lu.ccss.guichet.space.SpaceApi.newNationalId;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InvitationResourceTest {

    @Inject
    InvitationService invitations;

    @Test
    void closedInvitationsArePurgedAfterTheRetentionPeriod() throws Exception {
        String alice = newUser();
        String space = createSpace(alice, null);
        String withdrawnLongAgo = invite(alice, space, newNationalId(), "MEMBER");
        given().auth().oauth2(Tokens.user(alice)).when()
                .delete("/api/spaces/" + space + "/invitations/" + withdrawnLongAgo).then().statusCode(204);
        execute("update invitation set closed_at = now() - interval '91 days' where id = '" + withdrawnLongAgo + "'");
        String expiredLongAgo = invite(alice, space, newNationalId(), "MEMBER");
        execute("update invitation set expires_at = now() - interval '91 days' where id = '" + expiredLongAgo + "'");
        String withdrawnRecently = invite(alice, space, newNationalId(), "MEMBER");
        given().auth().oauth2(Tokens.user(alice)).when()
                .delete("/api/spaces/" + space + "/invitations/" + withdrawnRecently).then().statusCode(204);
        String open = invite(alice, space, newNationalId(), "MEMBER");

        invitations.purgeClosedInvitations();

        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + space + "/invitations")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.containsInAnyOrder(withdrawnRecently, open));
    }

    @Test
    void documentsTheNewEndpointsInOpenApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/spaces/{spaceId}/invitations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/invitations/{invitationId}/accept"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/spaces/{spaceId}/members/{userId}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/spaces/{spaceId}/members/{userId}/role"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/spaces/{spaceId}/domain-usages"));
    }

    @Test
    void theInviteeJoinsWithTheOfferedRoleWhenTheirNationalNumberMatches() {
        String alice = newUser();
        String bob = newUser();
        String bobNationalId = newNationalId();
        String space = createSpace(alice, null);

        String invitation = given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "  Bob Weber ", "email", "bob@weber.lu", "nationalId", bobNationalId,
                        "role", "member"))
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(201)
                .header("Location", containsString("/api/spaces/" + space + "/invitations/"))
                .body("name", equalTo("Bob Weber"))
                .body("status", equalTo("PENDING"))
                .body("role", equalTo("MEMBER"))
                .body("nationalIdLastDigits", equalTo(bobNationalId.substring(10)))
                .body("$", not(org.hamcrest.Matchers.hasKey("nationalId")))
                .extract().path("id");

        given().auth().oauth2(Tokens.user(bob, bobNationalId)).when().get("/api/invitations")
                .then().statusCode(200)
                .body("id", hasItem(invitation))
                .body("find { it.id == '" + invitation + "' }.spaceName", equalTo("Space of " + alice));

        given().auth().oauth2(Tokens.user(bob, bobNationalId)).when().post("/api/invitations/" + invitation + "/accept")
                .then().statusCode(200)
                .body("id", equalTo(space))
                .body("myRole", equalTo("MEMBER"));

        given().auth().oauth2(Tokens.user(bob)).when().get("/api/spaces/" + space + "/members")
                .then().statusCode(200)
                .body("userId", hasItems(alice, bob))
                .body("find { it.userId == '" + bob + "' }.role", equalTo("MEMBER"));
        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + space + "/invitations/" + invitation)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("closedBy", equalTo(bob));
        given().auth().oauth2(Tokens.user(bob, bobNationalId)).when().get("/api/invitations")
                .then().statusCode(200).body("id", not(hasItem(invitation)));

        List<ConsumerRecord<String, String>> added = TopicReader.await(Topics.SPACE,
                r -> space.equals(r.key()) && r.value().contains("\"userId\":\"" + bob + "\""), 1,
                Duration.ofSeconds(30));
        assertEquals(1, added.size());
        assertEquals("lu.ccss.space.member-added.v1", TopicReader.header(added.get(0), "ce_type"));
        org.hamcrest.MatcherAssert.assertThat(added.get(0).value(), containsString("\"role\":\"MEMBER\""));
    }

    @Test
    void anotherPersonOrOneWithoutNationalNumberCannotAcceptAndLearnsNothingOfItsState() throws Exception {
        String alice = newUser();
        String space = createSpace(alice, null);
        String invitation = invite(alice, space, newNationalId(), "ADMINISTRATOR");

        String mallory = newUser();
        given().auth().oauth2(Tokens.user(mallory, newNationalId()))
                .when().post("/api/invitations/" + invitation + "/accept")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("another person"));
        given().auth().oauth2(Tokens.user(mallory)).when().post("/api/invitations/" + invitation + "/accept")
                .then().statusCode(403).body("detail", containsString("national identification number"));
        // A malformed claim counts as none.
        given().auth().oauth2(Tokens.user(mallory, "12345")).when().post("/api/invitations/" + invitation + "/accept")
                .then().statusCode(403);
        // Even once withdrawn, a stranger is told 403, not the invitation's state.
        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + space + "/invitations/" + invitation)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.user(mallory, newNationalId()))
                .when().post("/api/invitations/" + invitation + "/accept")
                .then().statusCode(403);

        assertEquals(0, count("select count(*) from space_member where user_id = '" + mallory + "'"));
        given().auth().oauth2(Tokens.user(mallory, newNationalId()))
                .when().post("/api/invitations/" + java.util.UUID.randomUUID() + "/accept")
                .then().statusCode(404);
        given().when().post("/api/invitations/" + invitation + "/accept").then().statusCode(401);
    }

    @Test
    void anInvitationExpiresAfterFourteenDaysAndThePersonMayBeInvitedAgain() throws Exception {
        String alice = newUser();
        String dave = newUser();
        String daveNationalId = newNationalId();
        String space = createSpace(alice, null);
        String invitation = given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "Dave", "email", "dave@example.lu", "nationalId", daveNationalId,
                        "role", "MEMBER"))
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(201).extract().path("id");
        assertEquals(1, count("select count(*) from invitation where id = '" + invitation
                + "' and expires_at - invited_at = interval '14 days'"));

        execute("update invitation set expires_at = now() - interval '1 second' where id = '" + invitation + "'");
        given().auth().oauth2(Tokens.user(dave, daveNationalId)).when().post("/api/invitations/" + invitation + "/accept")
                .then().statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("expired"));
        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + space + "/invitations")
                .then().statusCode(200).body("find { it.id == '" + invitation + "' }.status", equalTo("EXPIRED"));
        assertEquals(0, count("select count(*) from space_member where user_id = '" + dave + "'"));

        String again = invite(alice, space, daveNationalId, "MEMBER");
        accept(dave, daveNationalId, again);
        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + space + "/invitations")
                .then().statusCode(200)
                .body("find { it.id == '" + invitation + "' }.status", equalTo("EXPIRED"))
                .body("find { it.id == '" + again + "' }.status", equalTo("ACCEPTED"));
    }

    @Test
    void aWithdrawnInvitationCannotBeAcceptedAndAnAcceptedOneCannotBeWithdrawn() throws Exception {
        String alice = newUser();
        String erin = newUser();
        String erinNationalId = newNationalId();
        String space = createSpace(alice, null);
        String invitation = invite(alice, space, erinNationalId, "MEMBER");

        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + space + "/invitations/" + invitation)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + space + "/invitations/" + invitation)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.user(erin, erinNationalId)).when().post("/api/invitations/" + invitation + "/accept")
                .then().statusCode(409).body("detail", containsString("withdrawn"));
        assertEquals(0, count("select count(*) from space_member where user_id = '" + erin + "'"));

        String second = invite(alice, space, erinNationalId, "MEMBER");
        accept(erin, erinNationalId, second);
        given().auth().oauth2(Tokens.user(erin, erinNationalId)).when().post("/api/invitations/" + second + "/accept")
                .then().statusCode(409).body("detail", containsString("already accepted"));
        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + space + "/invitations/" + second)
                .then().statusCode(409);
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "Erin", "email", "erin@example.lu", "nationalId", erinNationalId, "role", "MEMBER"))
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(409).body("detail", containsString("already belongs"));
    }

    @Test
    void aPersonHasAtMostOneOpenInvitationPerSpace() {
        String alice = newUser();
        String space = createSpace(alice, null);
        String nationalId = newNationalId();
        invite(alice, space, nationalId, "MEMBER");
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "Again", "email", "again@example.lu", "nationalId", nationalId, "role", "MEMBER"))
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(409).body("detail", containsString("open invitation"));
    }

    @Test
    void onlyAdministratorsInviteListAndWithdraw() {
        String alice = newUser();
        String bob = newUser();
        String space = createSpace(alice, null);
        SpaceApi.addMember(alice, space, bob, "MEMBER");
        String invitation = invite(alice, space, newNationalId(), "MEMBER");
        Map<String, String> body = Map.of("name", "X", "email", "x@example.lu", "nationalId", newNationalId(),
                "role", "MEMBER");

        given().auth().oauth2(Tokens.user(bob)).contentType(ContentType.JSON).body(body)
                .when().post("/api/spaces/" + space + "/invitations").then().statusCode(403);
        given().auth().oauth2(Tokens.user(bob)).when().get("/api/spaces/" + space + "/invitations")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user(bob)).when().delete("/api/spaces/" + space + "/invitations/" + invitation)
                .then().statusCode(403);
        String stranger = newUser();
        given().auth().oauth2(Tokens.user(stranger)).contentType(ContentType.JSON).body(body)
                .when().post("/api/spaces/" + space + "/invitations").then().statusCode(404);
        given().auth().oauth2(Tokens.user(stranger)).when().get("/api/spaces/" + space + "/invitations")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.operator("op")).contentType(ContentType.JSON).body(body)
                .when().post("/api/spaces/" + space + "/invitations").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/spaces/" + space + "/invitations").then().statusCode(401);
        // Another space's invitation is not found through this space.
        String otherSpace = createSpace(alice, null);
        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + otherSpace + "/invitations/" + invitation)
                .then().statusCode(404);
    }

    @Test
    void rejectsInvalidInvitationsNamingTheFieldsAndWritesNothing() throws Exception {
        String alice = newUser();
        String space = createSpace(alice, null);
        String valid = newNationalId();
        String wrongLuhn = valid.substring(0, 11) + (char) ('0' + (valid.charAt(11) - '0' + 1) % 10) + valid.charAt(12);
        String wrongVerhoeff = valid.substring(0, 12) + (char) ('0' + (valid.charAt(12) - '0' + 1) % 10);

        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "email", "not-an-email", "nationalId", wrongLuhn, "role", "OWNER"))
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "email", "nationalId", "role"));
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "A", "email", "a@example.lu", "nationalId", wrongVerhoeff, "role", "MEMBER"))
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(400).body("errors", hasSize(1)).body("errors[0].field", equalTo("nationalId"))
                .body("detail", not(containsString(wrongVerhoeff)));
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "A", "email", "a@example.lu", "nationalId", "123456789012", "role", "MEMBER"))
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(400).body("errors[0].field", equalTo("nationalId"));
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "n".repeat(201), "email", "a@example.lu", "nationalId", valid, "role", "MEMBER"))
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON).body("{\"nationalId\": 12}")
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .when().post("/api/spaces/" + space + "/invitations")
                .then().statusCode(400).body("errors.field", hasItems("name", "email", "nationalId", "role"));

        assertEquals(0, count("select count(*) from invitation where space_id = '" + space + "'"));
    }

    @Test
    void theNationalNumberIsNeverStoredPublishedNorLogged() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(
                            record.getParameters()) + " " + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String frank = newUser();
        String frankNationalId = newNationalId();
        try {
            String alice = newUser();
            String space = createSpace(alice, newNationalId());
            createSpace(frank, frankNationalId);
            String invitation = invite(alice, space, frankNationalId, "MEMBER");
            given().auth().oauth2(Tokens.user(newUser(), frankNationalId.substring(0, 12) + "x"))
                    .when().post("/api/invitations/" + invitation + "/accept").then().statusCode(403);
            accept(frank, frankNationalId, invitation);
            given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                    .body(Map.of("name", "F", "email", "f@example.lu", "nationalId", frankNationalId, "role", "MEMBER"))
                    .when().post("/api/spaces/" + space + "/invitations").then().statusCode(409)
                    .body("detail", not(containsString(frankNationalId)));
            given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + space + "/invitations")
                    .then().statusCode(200).body(not(containsString(frankNationalId)));
            TopicReader.await(Topics.SPACE, r -> r.value().contains(frank), 2, Duration.ofSeconds(30));
            Logger.getLogger(InvitationResourceTest.class.getName()).info("capture-check");
        } finally {
            root.removeHandler(capture);
        }
        synchronized (logged) {
            assertTrue(logged.stream().anyMatch(line -> line.contains("capture-check")), "the log capture works");
        }

        // The identity was recorded, as a keyed hash only.
        assertEquals(1, count("select count(*) from person_identity where user_id = '" + frank + "'"));
        Map<String, Long> tablesHoldingIt = new HashMap<>();
        try (Connection c = TestDatabase.connect();
             ResultSet tables = c.createStatement().executeQuery(
                     "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (tables.next()) {
                String table = tables.getString(1);
                try (ResultSet rs = c.createStatement().executeQuery("select count(*) from \"" + table + "\" t "
                        + "where t::text like '%" + frankNationalId + "%'")) {
                    rs.next();
                    tablesHoldingIt.put(table, rs.getLong(1));
                }
            }
        }
        assertTrue(tablesHoldingIt.containsKey("invitation") && tablesHoldingIt.containsKey("person_identity"),
                "the scan covered the tables: " + tablesHoldingIt.keySet());
        assertEquals(Map.of(), filterPositive(tablesHoldingIt), "tables holding the national number");
        for (ConsumerRecord<String, String> r : TopicReader.readAll(Topics.SPACE, Topics.MANDATE)) {
            assertTrue(r.value() == null || !r.value().contains(frankNationalId), "record on " + r.topic());
        }
        synchronized (logged) {
            assertTrue(logged.stream().noneMatch(line -> line.contains(frankNationalId)), "a log line holds it");
        }
    }

    private static Map<String, Long> filterPositive(Map<String, Long> counts) {
        Map<String, Long> positive = new HashMap<>();
        counts.forEach((table, n) -> {
            if (n > 0) {
                positive.put(table, n);
            }
        });
        return positive;
    }

    @Test
    void anInviteeWithoutOpenInvitationsSeesNone() {
        given().auth().oauth2(Tokens.user(newUser(), newNationalId())).when().get("/api/invitations")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(Tokens.user(newUser())).when().get("/api/invitations")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aSpaceSendsAtMostTheDailyNumberOfInvitations() {
        String administrator = Tokens.newUser();
        String spaceId = SpaceApi.createSpace(administrator, null);
        for (int i = 0; i < 50; i++) {
            SpaceApi.invite(administrator, spaceId, SpaceApi.newNationalId(), "MEMBER");
        }
        given().auth().oauth2(Tokens.user(administrator)).contentType(ContentType.JSON)
                .body(Map.of("name", "One Too Many", "email", "many@example.lu", "nationalId",
                        SpaceApi.newNationalId(), "role", "MEMBER"))
                .when().post("/api/spaces/" + spaceId + "/invitations")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .contentType("application/problem+json");
        assertEquals(50, count("select count(*) from invitation where space_id = '" + spaceId + "'"),
                "the refused invitation is not stored");
    }
}
