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
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    void anEventOfATypeTheConsumerDoesNotReadCostsNoTransaction() throws Exception {
        String unread = UUID.randomUUID().toString();
        TopicWriter.publish(TOPIC, UUID.randomUUID().toString(), unread, "lu.ccss.test.note-archived.v1", "{}");
        UUID marker = UUID.randomUUID();
        String markerEvent = UUID.randomUUID().toString();
        publish(markerEvent, marker, "after the unread one");

        awaitEffects(marker, 1);
        assertEquals(1, processedRows(markerEvent), "a handled event is recorded");
        assertEquals(0, processedRows(unread), "an event with no handler is passed over without a row");
    }

    private static int processedRows(String eventId) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), PostgresTestResource.USER,
                PostgresTestResource.PASSWORD);
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from processed_event where consumer = 'test-in' and event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
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
    void partitionsAreHandledInParallelAndEachAggregatesEventsInTheirOrder() throws Exception {
        List<UUID> aggregates = twoPerPartition();
        for (int i = 1; i <= 4; i++) {
            for (UUID aggregate : aggregates) {
                publish(UUID.randomUUID().toString(), aggregate, "slow:" + i);
            }
        }
        for (UUID aggregate : aggregates) {
            awaitEffects(aggregate, 4);
            assertEquals(List.of(1, 2, 3, 4), TestEventsConsumer.SLOW.of(aggregate), "order of " + aggregate);
        }
        assertTrue(TestEventsConsumer.SLOW.mostAtOnce() > 1,
                "24 slow events on 3 partitions were handled one at a time");
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

    /** Six aggregates whose keys Kafka's default partitioner puts two on each of the topic's three partitions. */
    private static List<UUID> twoPerPartition() {
        Map<Integer, List<UUID>> byPartition = Stream.generate(UUID::randomUUID).limit(200)
                .collect(Collectors.groupingBy(id -> Utils.toPositive(
                        Utils.murmur2(id.toString().getBytes(StandardCharsets.UTF_8))) % 3));
        return byPartition.values().stream().flatMap(ids -> ids.stream().limit(2)).toList();
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
