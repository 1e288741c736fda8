package lu.ccss.guichet.space;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.space.SpaceApi.accept;
import static lu.ccss.guichet.space.SpaceApi.addMember;
import static lu.ccss.guichet.space.SpaceApi.createSpace;
import static lu.ccss.guichet.space.SpaceApi.invite;
import static lu.ccss.guichet.space.SpaceApi.newNationalId;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MemberResourceTest {

    @Test
    void anAdministratorChangesRolesAndRemovesUsersPublishingTheChanges() throws Exception {
        String alice = newUser();
        String bob = newUser();
        String carol = newUser();
        String carolNationalId = newNationalId();
        String space = createSpace(alice, null);
        addMember(alice, space, bob, "ADMINISTRATOR");
        accept(carol, carolNationalId, invite(alice, space, carolNationalId, "MEMBER"));

        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON).body(Map.of("role", "MEMBER"))
                .when().put("/api/spaces/" + space + "/members/" + bob + "/role")
                .then().statusCode(200).body("userId", equalTo(bob)).body("role", equalTo("MEMBER"));
        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + space + "/members/" + carol)
                .then().statusCode(204);

        given().auth().oauth2(Tokens.user(carol)).when().get("/api/spaces/" + space).then().statusCode(404);
        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + space + "/members")
                .then().statusCode(200).body("userId", not(hasItem(carol)))
                .body("find { it.userId == '" + bob + "' }.role", equalTo("MEMBER"));
        // Carol belongs to no space any more: her national number hash is forgotten.
        assertEquals(0, count("select count(*) from person_identity where user_id = '" + carol + "'"));

        List<ConsumerRecord<String, String>> changed = TopicReader.await(Topics.SPACE, r -> space.equals(r.key())
                && "lu.ccss.space.member-role-changed.v1".equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(30));
        org.hamcrest.MatcherAssert.assertThat(changed.get(0).value(), containsString("\"userId\":\"" + bob + "\""));
        org.hamcrest.MatcherAssert.assertThat(changed.get(0).value(), containsString("\"role\":\"MEMBER\""));
        List<ConsumerRecord<String, String>> removed = TopicReader.await(Topics.SPACE, r -> space.equals(r.key())
                && "lu.ccss.space.member-removed.v1".equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(30));
        org.hamcrest.MatcherAssert.assertThat(removed.get(0).value(), containsString("\"userId\":\"" + carol + "\""));
        org.hamcrest.MatcherAssert.assertThat(removed.get(0).value(), containsString("\"removedBy\":\"" + alice + "\""));
    }

    @Test
    void theLastAdministratorCanBeNeitherDemotedNorRemoved() throws Exception {
        String alice = newUser();
        String bob = newUser();
        String space = createSpace(alice, null);
        addMember(alice, space, bob, "MEMBER");

        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON).body(Map.of("role", "MEMBER"))
                .when().put("/api/spaces/" + space + "/members/" + alice + "/role")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("last administrator"));
        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + space + "/members/" + alice)
                .then().statusCode(409).body("detail", containsString("last administrator"));
        assertEquals(1, count("select count(*) from space_member where space_id = '" + space
                + "' and role = 'ADMINISTRATOR'"));

        // With a second administrator, the first may step down.
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON).body(Map.of("role", "ADMINISTRATOR"))
                .when().put("/api/spaces/" + space + "/members/" + bob + "/role").then().statusCode(200);
        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + space + "/members/" + alice)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.user(bob)).when().get("/api/spaces/" + space + "/members")
                .then().statusCode(200).body("userId", not(hasItem(alice)));
    }

    @Test
    void twoAdministratorsSteppingDownAtOnceLeaveOneAdministrator() throws Exception {
        for (int round = 0; round < 4; round++) {
            String alice = newUser();
            String bob = newUser();
            String space = createSpace(alice, null);
            addMember(alice, space, bob, "ADMINISTRATOR");

            List<Integer> statuses = concurrently(demotion(space, alice, alice), demotion(space, bob, bob));

            assertEquals(List.of(200, 409), statuses, "round " + round);
            assertEquals(1, count("select count(*) from space_member where space_id = '" + space
                    + "' and role = 'ADMINISTRATOR'"));
        }
    }

    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
        for (int round = 0; round < 4; round++) {
            String alice = newUser();
            String bob = newUser();
            String space = createSpace(alice, null);
            addMember(alice, space, bob, "ADMINISTRATOR");

            List<Integer> statuses = concurrently(demotion(space, alice, bob), demotion(space, bob, alice));

            // The second, judged after the first, comes from someone who is no longer an administrator.
            assertEquals(List.of(200, 403), statuses, "round " + round);
            assertEquals(1, count("select count(*) from space_member where space_id = '" + space
                    + "' and role = 'ADMINISTRATOR'"));
        }
    }

    /** Runs the calls at the same moment; their statuses, sorted. */
    private static List<Integer> concurrently(Callable<Integer> first, Callable<Integer> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (Callable<Integer> call : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : futures) {
            statuses.add(f.get());
        }
        pool.shutdown();
        statuses.sort(Integer::compare);
        return statuses;
    }

    private static Callable<Integer> demotion(String space, String by, String whom) {
        return () -> given().auth().oauth2(Tokens.user(by)).contentType(ContentType.JSON).body(Map.of("role", "MEMBER"))
                .when().put("/api/spaces/" + space + "/members/" + whom + "/role")
                .then().extract().statusCode();
    }

    @Test
    void aMemberMayLeaveButNotRemoveOthersNorChangeRoles() {
        String alice = newUser();
        String bob = newUser();
        String carol = newUser();
        String space = createSpace(alice, null);
        addMember(alice, space, bob, "MEMBER");
        addMember(alice, space, carol, "MEMBER");

        given().auth().oauth2(Tokens.user(bob)).when().delete("/api/spaces/" + space + "/members/" + carol)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user(bob)).when().delete("/api/spaces/" + space + "/members/" + alice)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user(bob)).contentType(ContentType.JSON).body(Map.of("role", "ADMINISTRATOR"))
                .when().put("/api/spaces/" + space + "/members/" + bob + "/role").then().statusCode(403);
        given().auth().oauth2(Tokens.user(bob)).when().delete("/api/spaces/" + space + "/members/" + bob)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.user(bob)).when().get("/api/spaces/" + space).then().statusCode(404);
        given().auth().oauth2(Tokens.user(carol)).when().get("/api/spaces/" + space + "/members")
                .then().statusCode(200).body("userId", not(hasItem(bob)));
    }

    @Test
    void unknownUsersStrangersAndBadRolesAreRefused() {
        String alice = newUser();
        String space = createSpace(alice, null);
        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + space + "/members/nobody")
                .then().statusCode(404);
        // An unknown user id is not repeated: a huge one would come back in full
        String huge = "x".repeat(3_000);
        given().auth().oauth2(Tokens.user(alice)).when().delete("/api/spaces/" + space + "/members/" + huge)
                .then().statusCode(404).body(not(containsString("xxxxxxxxxx")));
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON).body(Map.of("role", "MEMBER"))
                .when().put("/api/spaces/" + space + "/members/nobody/role").then().statusCode(404);
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON).body(Map.of("role", "OWNER"))
                .when().put("/api/spaces/" + space + "/members/" + alice + "/role")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON).body("{}")
                .when().put("/api/spaces/" + space + "/members/" + alice + "/role")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        String stranger = newUser();
        given().auth().oauth2(Tokens.user(stranger)).when().delete("/api/spaces/" + space + "/members/" + alice)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user(stranger)).contentType(ContentType.JSON).body(Map.of("role", "MEMBER"))
                .when().put("/api/spaces/" + space + "/members/" + alice + "/role").then().statusCode(404);
        given().when().delete("/api/spaces/" + space + "/members/" + alice).then().statusCode(401);
    }
}
