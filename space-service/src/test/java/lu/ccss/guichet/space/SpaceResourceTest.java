package lu.ccss.guichet.space;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SpaceResourceTest {


    private static String createSpace(String user, String name) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "description", "Bakery in Esch"))
                .when().post("/api/spaces")
                .then().statusCode(201)
                .header("Location", containsString("/api/spaces/"))
                .extract().path("id");
    }

    @Test
    void createsASpaceWhoseCreatorIsItsAdministrator() {
        String alice = newUser();
        String id = given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "  Boulangerie Muller  ", "description", "Bakery in Esch"))
                .when().post("/api/spaces")
                .then().statusCode(201)
                .body("name", equalTo("Boulangerie Muller"))
                .body("myRole", equalTo("ADMINISTRATOR"))
                .extract().path("id");

        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + id)
                .then().statusCode(200).body("description", equalTo("Bakery in Esch"));
        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + id + "/members")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].userId", equalTo(alice))
                .body("[0].role", equalTo("ADMINISTRATOR"));
    }

    @Test
    void publishesSpaceCreatedAndMemberAddedAsCloudEventsKeyedBySpace() {
        String alice = newUser();
        String id = createSpace(alice, "Garage Schmit");

        List<ConsumerRecord<String, String>> records = TopicReader.await(Topics.SPACE,
                r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(List.of("lu.ccss.space.created.v1", "lu.ccss.space.member-added.v1"),
                records.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        ConsumerRecord<String, String> created = records.get(0);
        assertEquals(id, TopicReader.header(created, "ce_subject"));
        assertEquals("/guichet/space-service", TopicReader.header(created, "ce_source"));
        assertEquals("1.0", TopicReader.header(created, "ce_specversion"));
        org.junit.jupiter.api.Assertions.assertNotNull(TopicReader.header(created, "ce_id"));
        org.junit.jupiter.api.Assertions.assertNotNull(TopicReader.header(created, "ce_time"));
        org.hamcrest.MatcherAssert.assertThat(created.value(), containsString("\"name\":\"Garage Schmit\""));
        org.hamcrest.MatcherAssert.assertThat(records.get(1).value(), containsString("\"role\":\"ADMINISTRATOR\""));
    }

    @Test
    void strangersGet404AndAnonymousCallersGet401() {
        String id = createSpace(newUser(), "Fiduciaire Weber");
        given().auth().oauth2(Tokens.user(newUser())).when().get("/api/spaces/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user(newUser())).when().get("/api/spaces/" + id + "/members")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user(newUser())).when().get("/api/spaces/" + UUID.randomUUID())
                .then().statusCode(404);
        given().when().get("/api/spaces").then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/api/spaces").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).when().post("/api/spaces")
                .then().statusCode(401);
    }

    @Test
    void operatorsAndDomainSystemsCannotCreateSpaces() {
        given().auth().oauth2(Tokens.operator("op-1")).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().post("/api/spaces").then().statusCode(403);
    }

    @Test
    void rejectsInvalidDetailsNamingTheFieldsAndWritesNothing() throws SQLException {
        String bob = newUser();
        given().auth().oauth2(Tokens.user(bob)).contentType(ContentType.JSON)
                .body(Map.of("name", "   ", "description", "d".repeat(501)))
                .when().post("/api/spaces")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("description"));
        given().auth().oauth2(Tokens.user(bob)).contentType(ContentType.JSON)
                .body(Map.of("name", "n".repeat(101)))
                .when().post("/api/spaces")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(Tokens.user(bob)).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/spaces")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user(bob)).contentType(ContentType.JSON).body("{\"name\": [1,2]}")
                .when().post("/api/spaces")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(Tokens.user(bob)).contentType(ContentType.JSON)
                .when().post("/api/spaces")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        // 100 characters after trimming is fine
        given().auth().oauth2(Tokens.user(newUser())).contentType(ContentType.JSON)
                .body(Map.of("name", " " + "n".repeat(100) + " "))
                .when().post("/api/spaces").then().statusCode(201);

        assertEquals(0, count("select count(*) from space_member where user_id = '" + bob + "'"));
        given().auth().oauth2(Tokens.user(bob)).when().get("/api/spaces").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aPersonHoldsAtMost200Spaces() throws SQLException {
        String carol = newUser();
        for (int i = 0; i < 200; i++) {
            createSpace(carol, "Space " + i);
        }
        given().auth().oauth2(Tokens.user(carol)).contentType(ContentType.JSON).body(Map.of("name", "One too many"))
                .when().post("/api/spaces")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("200"));
        assertEquals(200, count("select count(*) from space_member where user_id = '" + carol + "'"));
        given().auth().oauth2(Tokens.user(carol)).when().get("/api/spaces").then().statusCode(200)
                .body("$", hasSize(200)).body("name", not(hasItem("One too many")));
    }

    @Test
    void servesItsOpenApiDocumentAndHealth() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/spaces"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void aBodyAboveTheEndpointsLimitIsRefusedBeforeAnythingIsDone() {
        String user = Tokens.newUser();
        long before = TestDatabase.count("select count(*) from space");
        String description = "x".repeat(70_000);
        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body(Map.of("name", "Too big", "description", description))
                .when().post("/api/spaces")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("65536"));
        assertEquals(before, TestDatabase.count("select count(*) from space"), "nothing stored");
    }
}
