package lu.ccss.guichet.platform.inbound;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.platform.outbox.NoteService;
import lu.ccss.guichet.testing.PostgresTestResource;
import lu.ccss.guichet.testing.TopicReader;
import lu.ccss.guichet.testing.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProcessedEventsTest {

    private static final String TOPIC = "guichet.lib-test.in";
    private static final String DEAD_LETTER = "guichet.lib-test.dead-letter";

    @Test
    void anEventDeliveredTwiceHasOneEffect() throws Exception {
        UUID note = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, note, "once");
        publish(eventId, note, "once");
        UUID marker = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), marker, "marker");

        awaitEffects(marker, 1);
        assertEquals(1, effects(note));
    }

    @Test
    void anEventThatCannotBeHandledGoesToTheDeadLetterTopicAndDoesNotBlockTheNext() throws Exception {
        UUID poison = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        String poisonEventId = UUID.randomUUID().toString();
        publish(poisonEventId, poison, "poison");
        publish(UUID.randomUUID().toString(), next, "after the poison");

        awaitEffects(next, 1);
        assertEquals(0, effects(poison), "the failed handler's transaction left nothing");
        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER,
                r -> poisonEventId.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(30)).get(0);
        assertTrue(TopicReader.header(dead, "dead-letter-reason").contains("poison note cannot be handled"),
                TopicReader.header(dead, "dead-letter-reason"));
    }

    @Test
    void aDatabaseThatFailsForAMomentIsWaitedForAndTheEventIsAppliedOnceNotDeadLettered() throws Exception {
        UUID flaky = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), flaky, "flaky:2");

        awaitEffects(flaky, 1);
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String key = "no-headers-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", lu.ccss.guichet.testing.KafkaTestResource.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(TOPIC, key, "{}")).get();
        }
        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER, r -> key.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertTrue(TopicReader.header(dead, "dead-letter-reason").contains("ce_id"));
    }

    private static void publish(String eventId, UUID noteId, String text) {
        TopicWriter.publish(TOPIC, noteId.toString(), eventId, NoteService.NOTE_ADDED.type(),
                "{\"noteId\":\"" + noteId + "\",\"aggregate\":\"a\",\"text\":\"" + text + "\"}");
    }

    private static void awaitEffects(UUID note, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (effects(note) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(expected, effects(note));
    }

    private static int effects(UUID note) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), PostgresTestResource.USER,
                PostgresTestResource.PASSWORD);
             PreparedStatement ps = c.prepareStatement("select count(*) from test_effect where event_id = ?")) {
            ps.setString(1, note.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
