package lu.ccss.guichet.platform.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.events.SpaceEvents.MemberAdded;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TopicReader;
import lu.ccss.guichet.testing.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer believes an event only from the owner of its topic, and only of a type that belongs there. */
@QuarkusTest
class EventOriginsTest {

    private static final String DEAD_LETTER = "guichet.lib-test.dead-letter";

    @Inject
    ObjectMapper json;

    @Test
    void aMemberAddedForgedByAnotherSourceGoesToTheDeadLetterTopicAndChangesNothing() throws Exception {
        UUID space = UUID.randomUUID();
        String forged = UUID.randomUUID().toString();
        TopicWriter.publish(Topics.SPACE, space.toString(), forged, EventTypes.MEMBER_ADDED.type(),
                "/guichet/mandate-service", memberAdded(space, "intruder"));
        // The genuine event after it is applied: the consumer went past the forged one.
        TopicWriter.publish(EventTypes.MEMBER_ADDED, space.toString(),
                new MemberAdded(space, "genuine", MemberRole.ADMINISTRATOR, "Genuine", Instant.now()));

        awaitCount("select count(*) from space_member where space_id = '" + space + "' and user_id = 'genuine'", 1);
        assertEquals(0, count("select count(*) from space_member where space_id = '" + space
                + "' and user_id = 'intruder'"));
        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER,
                r -> forged.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(30)).get(0);
        String reason = TopicReader.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("ce_source /guichet/mandate-service") && reason.contains("/guichet/space-service"),
                reason);
        // Counted for the operators' alert (docs/security.md, "Stale access").
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("guichet_events_dead_lettered_total{")
                && l.contains("consumer=\"membership-projection\"") && l.contains("reason=\"InvalidEventException\"")
                && !l.endsWith(" 0.0")), "the dead-lettered record is counted");
        assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag is exported");
    }

    @Test
    void anEventWithoutSourceIsRefused() throws Exception {
        UUID space = UUID.randomUUID();
        String forged = UUID.randomUUID().toString();
        TopicWriter.publish(Topics.SPACE, space.toString(), forged, EventTypes.MEMBER_ADDED.type(), "",
                memberAdded(space, "nobody"));

        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER,
                r -> forged.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(30)).get(0);
        assertTrue(TopicReader.header(dead, "dead-letter-reason").contains("only /guichet/space-service"));
        assertEquals(0, count("select count(*) from space_member where space_id = '" + space + "'"));
    }

    @Test
    void anEventTypeThatDoesNotBelongOnTheTopicIsRefusedEvenFromItsOwner() throws Exception {
        UUID space = UUID.randomUUID();
        String misplaced = UUID.randomUUID().toString();
        // The register's type on the space topic, signed as space-service: the catalogue does not put it there.
        TopicWriter.publish(Topics.SPACE, space.toString(), misplaced, EventTypes.EMPLOYER_REGISTERED.type(),
                "/guichet/space-service", "{}");

        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER,
                r -> misplaced.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(30)).get(0);
        assertTrue(TopicReader.header(dead, "dead-letter-reason").contains("is not an event type of "
                + Topics.SPACE), TopicReader.header(dead, "dead-letter-reason"));
    }

    private String memberAdded(UUID space, String user) throws Exception {
        return json.writeValueAsString(new MemberAdded(space, user, MemberRole.ADMINISTRATOR, user, Instant.now()));
    }
}
