package lu.ccss.guichet.platform.outbox;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.testing.PostgresTestResource;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "guichet.lib-test.events";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    NoteService notes;

    @Inject
    OutboxRelay relay;

    @Test
    void publishesACommittedEventAsACloudEventKeyedByAggregate() throws SQLException {
        String aggregate = "agg-" + UUID.randomUUID();
        UUID eventId = notes.add(aggregate, "hello");

        ConsumerRecord<String, String> record = TopicReader.await(TOPIC, r -> aggregate.equals(r.key()), 1, WAIT).get(0);
        assertEquals(eventId.toString(), TopicReader.header(record, "ce_id"));
        assertEquals("lu.ccss.test.note-added.v1", TopicReader.header(record, "ce_type"));
        assertEquals("/guichet/lib-test", TopicReader.header(record, "ce_source"));
        assertEquals(aggregate, TopicReader.header(record, "ce_subject"));
        assertNotNull(Instant.parse(TopicReader.header(record, "ce_time")));
        assertTrue(record.value().contains("\"text\":\"hello\""), record.value());
        assertNotNull(publishedAt(eventId), "the row is marked published once the broker acknowledged it");
    }

    @Test
    void neverPublishesTheEventOfARolledBackTransaction() {
        String aggregate = "agg-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> notes.addThenFail(aggregate, "rolled back"));
        notes.add(aggregate, "committed after");

        // The later event is out, so the relay went past the point where the rolled-back one would have been.
        List<ConsumerRecord<String, String>> records = TopicReader.await(TOPIC, r -> aggregate.equals(r.key()), 1, WAIT);
        assertEquals(1, records.size());
        assertTrue(records.get(0).value().contains("committed after"));
    }

    @Test
    void publishesExactlyOnceARowThatADeadRelayLeftPending() throws Exception {
        // As if a process committed its change and died before relaying: the row is there, unpublished.
        String aggregate = "agg-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        insertPendingRow(eventId, aggregate);

        TopicReader.await(TOPIC, r -> eventId.toString().equals(TopicReader.header(r, "ce_id")), 1, WAIT);
        relay.wake();
        relay.wake();
        String marker = "agg-" + UUID.randomUUID();
        notes.add(marker, "marker");
        TopicReader.await(TOPIC, r -> marker.equals(r.key()), 1, WAIT);

        long copies = TopicReader.readAll(TOPIC).stream()
                .filter(r -> eventId.toString().equals(TopicReader.header(r, "ce_id"))).count();
        assertEquals(1, copies);
        assertNotNull(publishedAt(eventId));
    }

    @Test
    void keepsTheOrderOfOneAggregatesEvents() {
        String aggregate = "agg-" + UUID.randomUUID();
        IntStream.range(0, 30).forEach(i -> notes.add(aggregate, "n" + i));

        List<String> texts = TopicReader.await(TOPIC, r -> aggregate.equals(r.key()), 30, WAIT).stream()
                .map(r -> r.value().replaceAll(".*\"text\":\"(n\\d+)\".*", "$1")).toList();
        assertEquals(IntStream.range(0, 30).mapToObj(i -> "n" + i).toList(), texts);
    }

    @Inject
    OutboxCleaner cleaner;

    @Test
    void deletesOnlyPublishedRowsOlderThanTheRetention() throws Exception {
        UUID old = notes.add("agg-" + UUID.randomUUID(), "old");
        UUID recent = notes.add("agg-" + UUID.randomUUID(), "recent");
        TopicReader.await(TOPIC, r -> recent.toString().equals(TopicReader.header(r, "ce_id")), 1, WAIT);
        awaitPublished(old);
        UUID pending = UUID.randomUUID();
        insertPendingRow(pending, "agg-" + UUID.randomUUID());
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "update outbox_event set published_at = now() - interval '8 days' where event_id = ?")) {
            ps.setObject(1, old);
            ps.executeUpdate();
        }
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "update outbox_event set occurred_at = now() - interval '30 days' where event_id = ?")) {
            ps.setObject(1, pending);
            ps.executeUpdate();
        }

        cleaner.deletePublishedBefore();

        assertEquals(0, rows(old));
        assertEquals(1, rows(recent));
        assertEquals(1, rows(pending));
    }

    @Inject
    OutboxLag lag;

    @Test
    void theAgeOfTheOldestUnpublishedRowIsOnTheMetricsEndpoint() throws Exception {
        UUID stuck = UUID.randomUUID();
        insertPendingRow(stuck, "agg-" + UUID.randomUUID(), Instant.now().minusSeconds(120));
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            // Held by this transaction, the row is skipped by the relay (for update skip locked): it stays pending.
            try (PreparedStatement ps = c.prepareStatement("select * from outbox_event where event_id = ? for update")) {
                ps.setObject(1, stuck);
                ps.executeQuery().close();
            }
            lag.measure();
            assertTrue(metric("guichet_outbox_pending_events") >= 1);
            assertTrue(metric("guichet_outbox_oldest_pending_age_seconds") >= 120, "written two minutes ago");
            c.rollback();
        }
        awaitPublished(stuck);
        lag.measure();
        assertEquals(0.0, metric("guichet_outbox_oldest_pending_age_seconds"), "nothing pending any more");
    }

    private static double metric(String name) {
        return io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void awaitPublished(UUID eventId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (publishedAt(eventId) == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertNotNull(publishedAt(eventId));
    }

    private static int rows(UUID eventId) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl(), PostgresTestResource.USER,
                PostgresTestResource.PASSWORD);
    }

    private static void insertPendingRow(UUID eventId, String aggregate) throws SQLException {
        insertPendingRow(eventId, aggregate, Instant.now());
    }

    private static void insertPendingRow(UUID eventId, String aggregate, Instant occurredAt) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "insert into outbox_event (event_id, aggregate_type, aggregate_id, event_type, topic, occurred_at, "
                        + "payload) values (?, 'note', ?, 'lu.ccss.test.note-added.v1', ?, ?, ?)")) {
            ps.setObject(1, eventId);
            ps.setString(2, aggregate);
            ps.setString(3, TOPIC);
            ps.setTimestamp(4, Timestamp.from(occurredAt));
            ps.setString(5, "{\"noteId\":\"" + UUID.randomUUID() + "\",\"aggregate\":\"" + aggregate
                    + "\",\"text\":\"left behind\"}");
            ps.executeUpdate();
        }
    }

    private static Timestamp publishedAt(UUID eventId) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("select published_at from outbox_event where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getTimestamp(1);
            }
        }
    }
}
