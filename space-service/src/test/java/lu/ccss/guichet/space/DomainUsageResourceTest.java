package lu.ccss.guichet.space;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.space.SpaceApi.certify;
import static lu.ccss.guichet.space.SpaceApi.createSpace;
import static lu.ccss.guichet.space.SpaceApi.newEmployer;
import static lu.ccss.guichet.space.SpaceApi.revoke;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DomainUsageResourceTest {

    private static final String FIRST_USED = "lu.ccss.space.domain-first-used.v1";

    private static Response report(String space, String employer, String domain, String kind) {
        return given().auth().oauth2(Tokens.domainSystem()).contentType(ContentType.JSON)
                .body(Map.of("employer", employer, "domain", domain, "usageKind", kind))
                .when().post("/api/spaces/" + space + "/domain-usages");
    }

    private static List<ConsumerRecord<String, String>> firstUses(String space) {
        return TopicReader.readAll(Topics.SPACE).stream()
                .filter(r -> space.equals(r.key()) && FIRST_USED.equals(TopicReader.header(r, "ce_type")))
                .toList();
    }

    @Test
    void eightConcurrentFirstUsesPublishDomainFirstUsedExactlyOnce() throws Exception {
        String space = createSpace(newUser(), null);
        String employer = newEmployer();
        certify(space, employer, "REMUNERATIONS", "HOLDER");

        int calls = 8;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String kind = i % 2 == 0 ? "CONSULTATION" : "PROCEDURE";
            futures.add(pool.submit(() -> {
                start.await();
                return report(space, employer, "REMUNERATIONS", kind);
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        int firsts = 0;
        for (Future<Response> f : futures) {
            Response r = f.get();
            assertEquals(200, r.statusCode(), r.asString());
            if (r.jsonPath().getBoolean("firstUse")) {
                firsts++;
            }
        }
        long elapsedMs = (System.nanoTime() - began) / 1_000_000;
        pool.shutdown();
        System.out.printf("[measure] %d concurrent first uses answered in %d ms%n", calls, elapsedMs);

        assertEquals(1, firsts, "exactly one call is told it was the first use");
        assertEquals(calls, count("select use_count from domain_usage where space_id = '" + space + "'"));
        assertEquals(1, count("select count(*) from outbox_event where event_type = '" + FIRST_USED
                + "' and aggregate_id = '" + space + "'"));
        // Once every outbox row of the space is on the broker, the topic holds exactly one DomainFirstUsed.
        awaitCount("select count(*) from outbox_event where aggregate_id = '" + space
                + "' and published_at is null", 0);
        TopicReader.await(Topics.SPACE, r -> space.equals(r.key())
                && FIRST_USED.equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> published = firstUses(space);
        assertEquals(1, published.size());
        String value = published.get(0).value();
        org.hamcrest.MatcherAssert.assertThat(value, containsString("\"employer\":\"" + employer + "\""));
        org.hamcrest.MatcherAssert.assertThat(value, containsString("\"domain\":\"REMUNERATIONS\""));
        org.hamcrest.MatcherAssert.assertThat(value, containsString("\"spaceId\":\"" + space + "\""));

        // Later uses are counted but publish nothing.
        report(space, employer, "REMUNERATIONS", "CERTIFICATE").then().statusCode(200).body("firstUse", equalTo(false));
        assertEquals(calls + 1, count("select use_count from domain_usage where space_id = '" + space + "'"));
        assertEquals(1, count("select count(*) from outbox_event where event_type = '" + FIRST_USED
                + "' and aggregate_id = '" + space + "'"));
    }

    @Test
    void eachDomainAndEmployerHasItsOwnFirstUseAndAgentsCountToo() throws Exception {
        String space = createSpace(newUser(), null);
        String employer = newEmployer();
        String client = newEmployer();
        certify(space, employer, "BILLING", "HOLDER");
        certify(space, employer, "AFFILIATIONS", "HOLDER");
        certify(space, client, "BILLING", "AGENT");

        report(space, employer, "BILLING", "CONSULTATION").then().statusCode(200).body("firstUse", equalTo(true))
                .body("usageKind", equalTo("CONSULTATION"));
        report(space, employer, "AFFILIATIONS", "procedure").then().statusCode(200).body("firstUse", equalTo(true));
        report(space, client, "BILLING", "CERTIFICATE").then().statusCode(200).body("firstUse", equalTo(true));
        report(space, employer, "BILLING", "CONSULTATION").then().statusCode(200).body("firstUse", equalTo(false));

        assertEquals(3, count("select count(*) from outbox_event where event_type = '" + FIRST_USED
                + "' and aggregate_id = '" + space + "'"));
    }

    @Test
    void refusedUnlessTheSpaceIsCertifiedForThatEmployerAndDomain() throws Exception {
        String space = createSpace(newUser(), null);
        String employer = newEmployer();
        report(space, employer, "BILLING", "CONSULTATION").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("not certified"));

        UUID certification = certify(space, employer, "BILLING", "HOLDER");
        report(space, employer, "REMUNERATIONS", "CONSULTATION").then().statusCode(403);
        report(space, newEmployer(), "BILLING", "CONSULTATION").then().statusCode(403);
        revoke(certification, space, employer, "BILLING", "HOLDER");
        report(space, employer, "BILLING", "CONSULTATION").then().statusCode(403);

        assertEquals(0, count("select count(*) from domain_usage where space_id = '" + space + "'"));
        assertEquals(0, count("select count(*) from outbox_event where event_type = '" + FIRST_USED
                + "' and aggregate_id = '" + space + "'"));
    }

    @Test
    void onlyDomainSystemsReportUsesAndUnknownSpacesAre404() {
        String alice = newUser();
        String space = createSpace(alice, null);
        Map<String, String> body = Map.of("employer", "20231234567", "domain", "BILLING", "usageKind", "CONSULTATION");
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON).body(body)
                .when().post("/api/spaces/" + space + "/domain-usages").then().statusCode(403);
        given().auth().oauth2(Tokens.operator("op")).contentType(ContentType.JSON).body(body)
                .when().post("/api/spaces/" + space + "/domain-usages").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/spaces/" + space + "/domain-usages").then().statusCode(401);
        report(UUID.randomUUID().toString(), "20231234567", "BILLING", "CONSULTATION").then().statusCode(404);
    }

    @Test
    void rejectsInvalidReportsNamingTheFields() {
        String space = createSpace(newUser(), null);
        given().auth().oauth2(Tokens.domainSystem()).contentType(ContentType.JSON)
                .body(Map.of("employer", "123", "domain", "HEALTH"))
                .when().post("/api/spaces/" + space + "/domain-usages")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("employer", "domain", "usageKind"));
        given().auth().oauth2(Tokens.domainSystem()).contentType(ContentType.JSON)
                .when().post("/api/spaces/" + space + "/domain-usages")
                .then().statusCode(400).body("errors.field", hasItems("employer", "domain", "usageKind"));
        given().auth().oauth2(Tokens.domainSystem()).contentType(ContentType.JSON).body("{\"employer\": {}}")
                .when().post("/api/spaces/" + space + "/domain-usages")
                .then().statusCode(400);
    }
}
