package lu.ccss.guichet.example.subscriber;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import lu.ccss.guichet.embedded.EmbeddedKafkaBroker;
import lu.ccss.guichet.embedded.EmbeddedPostgresServer;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CertificationGranted;
import lu.ccss.guichet.events.MandateEvents.CodeLocked;
import lu.ccss.guichet.events.MandateEvents.MandateRevoked;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter against a real (embedded) Kafka broker and PostgreSQL: records published as the mandate-service
 * publishes them (CloudEvents binary mode, keyed by employer).
 */
class MandateFollowerTest {

    private static final String MANDATE_SOURCE = Topics.ownerSource(Topics.MANDATE).orElseThrow();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static EmbeddedPostgresServer postgres;
    private static int databases;
    private static int groups;

    /** Each test has a broker and a database of its own: what it reads is what it published. */
    private static EmbeddedKafkaBroker kafka;
    private static KafkaProducer<String, String> producer;
    private static String database;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.startEphemeral();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void start() {
        database = "subscriber_" + (++databases);
        postgres.createDatabase(database, "subscriber", "subscriber");
        kafka = EmbeddedKafkaBroker.startEphemeral();
        kafka.createTopics(List.of(Topics.MANDATE), 3);
        kafka.createTopics(List.of("subscriber.dead-letter"), 1);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p);
    }

    @AfterEach
    void stop() {
        producer.close();
        kafka.close();
    }

    // ------------------------------------------------------------------------------------------------ the rules

    @Test
    void followsGrantsAndRevocationsIntoItsTable() throws Exception {
        String employer = employer();
        UUID holderSpace = UUID.randomUUID();
        UUID agentSpace = UUID.randomUUID();
        CertificationGranted holder = granted(employer, holderSpace, Domain.BILLING, Capacity.HOLDER);
        CertificationGranted agent = granted(employer, agentSpace, Domain.BILLING, Capacity.AGENT);
        publish(EventTypes.CERTIFICATION_GRANTED, employer, holder);
        publish(EventTypes.CERTIFICATION_GRANTED, employer, agent);
        publish(EventTypes.MANDATE_REVOKED, employer, revoked(holder, RevocationReason.REVOKED_BY_CODE));

        try (Fixture f = new Fixture()) {
            f.until(() -> f.follower.applied() == 3);
            try (Connection c = connect()) {
                assertFalse(MandateTable.mayAct(c, holderSpace, employer, Domain.BILLING));
                assertTrue(MandateTable.mayAct(c, agentSpace, employer, Domain.BILLING));
                assertFalse(MandateTable.mayAct(c, agentSpace, employer, Domain.AFFILIATIONS));
                assertEquals(List.of(agentSpace), MandateTable.spaces(c, employer, Domain.BILLING));
            }
        }
    }

    /** A redelivered event (same ce_id), such as after a relay restart, has one effect. */
    @Test
    void aRedeliveredEventHasOneEffect() throws Exception {
        String employer = employer();
        UUID space = UUID.randomUUID();
        CertificationGranted grant = granted(employer, space, Domain.AFFILIATIONS, Capacity.HOLDER);
        String grantId = UUID.randomUUID().toString();
        publish(EventTypes.CERTIFICATION_GRANTED, employer, grant, grantId, MANDATE_SOURCE);
        // a second certification, then the first one's redelivery: applied once, and it changes nothing
        CertificationGranted other = granted(employer, UUID.randomUUID(), Domain.AFFILIATIONS, Capacity.AGENT);
        publish(EventTypes.CERTIFICATION_GRANTED, employer, other);
        publish(EventTypes.CERTIFICATION_GRANTED, employer, grant, grantId, MANDATE_SOURCE);

        try (Fixture f = new Fixture()) {
            f.until(() -> f.follower.applied() + f.follower.duplicates() == 3);
            assertEquals(2, f.follower.applied());
            assertEquals(1, f.follower.duplicates());
            assertEquals(1, count("select count(*) from processed_event where event_id = '" + grantId + "'"));
        }
    }

    /**
     * A restart after the database commit but before the offset commit reads the same records again: the event ids
     * already recorded make them no-ops.
     */
    @Test
    void aRestartBetweenTheDatabaseCommitAndTheOffsetCommitAppliesNothingTwice() throws Exception {
        String employer = employer();
        CertificationGranted grant = granted(employer, UUID.randomUUID(), Domain.EMPLOYER_DATA, Capacity.HOLDER);
        publish(EventTypes.CERTIFICATION_GRANTED, employer, grant);
        publish(EventTypes.MANDATE_REVOKED, employer, revoked(grant, RevocationReason.WITHDRAWN));
        String group = "starter-" + (++groups);
        long applied;
        try (Fixture f = new Fixture(group, null, true)) {
            f.until(() -> f.follower.applied() == 2);
            applied = count("select count(*) from processed_event");
        }
        try (Fixture again = new Fixture(group, null, false)) {
            again.until(() -> again.follower.duplicates() >= 2);
            assertEquals(0, again.follower.applied());
        }
        assertEquals(applied, count("select count(*) from processed_event"));
        assertEquals(0, count("select count(*) from may_act_for where certification_id = '" + grant.certificationId() + "'"));
    }

    /** If applying a record fails (the database is down), nothing after it on its partition is applied before it. */
    @Test
    void keepsTheOrderOfOneEmployersEventsWhenOneFails() throws Exception {
        String employer = employer();
        CertificationGranted first = granted(employer, UUID.randomUUID(), Domain.REMUNERATIONS, Capacity.HOLDER);
        CertificationGranted second = granted(employer, UUID.randomUUID(), Domain.REMUNERATIONS, Capacity.HOLDER);
        List<String> ids = List.of(
                publish(EventTypes.CERTIFICATION_GRANTED, employer, first),
                publish(EventTypes.MANDATE_REVOKED, employer, revoked(first, RevocationReason.REPLACED)),
                publish(EventTypes.CERTIFICATION_GRANTED, employer, second));
        Set<String> failOnce = ConcurrentHashMap.newKeySet();
        failOnce.add(ids.get(0));

        try (Fixture f = new Fixture("starter-" + (++groups), failOnce, false)) {
            f.until(() -> f.follower.applied() == 3);
            assertEquals(ids, appliedOrder(employer), "applied in the order published for that key");
            try (Connection c = connect()) {
                assertEquals(List.of(second.spaceId()), MandateTable.spaces(c, employer, Domain.REMUNERATIONS));
            }
        }
    }

    /** A grant read again after its certification ended (a replay) does not bring the certification back. */
    @Test
    void aGrantReadAfterItsRevocationDoesNotRestoreIt() throws Exception {
        String employer = employer();
        CertificationGranted grant = granted(employer, UUID.randomUUID(), Domain.BILLING, Capacity.AGENT);
        publish(EventTypes.MANDATE_REVOKED, employer, revoked(grant, RevocationReason.EXPIRED));
        publish(EventTypes.CERTIFICATION_GRANTED, employer, grant);
        try (Fixture f = new Fixture()) {
            f.until(() -> f.follower.applied() == 2);
            try (Connection c = connect()) {
                assertFalse(MandateTable.mayAct(c, grant.spaceId(), employer, Domain.BILLING));
            }
        }
    }

    /** Only the topic's owner is believed; other types of the topic are skipped. */
    @Test
    void deadLettersAForgedRecordAndSkipsOtherTypes() throws Exception {
        String employer = employer();
        CertificationGranted forged = granted(employer, UUID.randomUUID(), Domain.BILLING, Capacity.HOLDER);
        String forgedId = publish(EventTypes.CERTIFICATION_GRANTED, employer, forged, UUID.randomUUID().toString(),
                "/guichet/intruder");
        publish(EventTypes.CODE_LOCKED, UUID.randomUUID().toString(), new CodeLocked(UUID.randomUUID(),
                UUID.randomUUID(), employer, Domain.BILLING, Capacity.HOLDER, Instant.now()));
        CertificationGranted real = granted(employer, UUID.randomUUID(), Domain.BILLING, Capacity.AGENT);
        publish(EventTypes.CERTIFICATION_GRANTED, employer, real);

        try (Fixture f = new Fixture()) {
            f.until(() -> f.follower.applied() == 1 && f.follower.deadLettered() == 1);
            try (Connection c = connect()) {
                assertEquals(List.of(real.spaceId()), MandateTable.spaces(c, employer, Domain.BILLING));
            }
            assertTrue(deadLettered().contains(forgedId));
        }
    }

    /** A record that keeps failing goes to the dead-letter topic after three attempts; the rest goes on. */
    @Test
    void aRecordThatKeepsFailingIsDeadLetteredAndTheRestGoesOn() throws Exception {
        String employer = employer();
        CertificationGranted bad = granted(employer, UUID.randomUUID(), Domain.AFFILIATIONS, Capacity.HOLDER);
        CertificationGranted good = granted(employer, UUID.randomUUID(), Domain.REMUNERATIONS, Capacity.HOLDER);
        String badId = publish(EventTypes.CERTIFICATION_GRANTED, employer, bad);
        publish(EventTypes.CERTIFICATION_GRANTED, employer, good);
        Set<String> alwaysFail = Set.of(badId);

        try (Fixture f = new Fixture("starter-" + (++groups), alwaysFail, false)) {
            f.until(() -> f.follower.applied() == 1 && f.follower.deadLettered() == 1);
            assertTrue(deadLettered().contains(badId));
            try (Connection c = connect()) {
                assertFalse(MandateTable.mayAct(c, bad.spaceId(), employer, Domain.AFFILIATIONS));
                assertTrue(MandateTable.mayAct(c, good.spaceId(), employer, Domain.REMUNERATIONS));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    /** A follower in its own thread, on its own consumer group unless told; stops and closes on close(). */
    private static final class Fixture implements AutoCloseable {
        final MandateFollower follower;
        final Thread thread;

        Fixture() throws SQLException {
            this("starter-" + (++groups), null, false);
        }

        /**
         * @param failing  ce_ids whose application fails: once each with a database error if the set is mutable,
         *                 always with another error otherwise
         * @param noOffsetCommit a follower that dies before committing offsets
         */
        Fixture(String group, Set<String> failing, boolean noOffsetCommit) throws SQLException {
            try (Connection c = connect()) {
                MandateTable.create(c);
            }
            follower = new MandateFollower(kafka.bootstrapServers(), group, "subscriber.dead-letter",
                    MandateFollowerTest::connect) {
                @Override
                protected void beforeApply(ConsumerRecord<String, byte[]> record) throws SQLException {
                    String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                    if (failing != null && failing.contains(id)) {
                        try {
                            failing.remove(id); // a mutable set: the database fails once
                        } catch (UnsupportedOperationException always) {
                            // an immutable set: the record cannot be applied, every time
                            throw new IllegalStateException("cannot be applied (test)");
                        }
                        throw new SQLException("database unavailable (test)");
                    }
                }

                @Override
                protected void commitOffsets(java.util.Map<TopicPartition,
                        org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets) {
                    if (!noOffsetCommit) {
                        super.commitOffsets(offsets);
                    }
                }
            };
            thread = new Thread(follower::run, "follower-" + group);
            thread.start();
        }

        void until(BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not reached within " + WAIT + ": applied " + follower.applied()
                            + ", duplicates " + follower.duplicates() + ", dead-lettered " + follower.deadLettered());
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }

        @Override
        public void close() throws InterruptedException {
            follower.close();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private static String employer() {
        // an 11-digit number starting with a year, unique per test
        return "2024" + String.format("%07d", (System.nanoTime() / 1000) % 10_000_000);
    }

    private static CertificationGranted granted(String employer, UUID space, Domain domain, Capacity capacity) {
        return new CertificationGranted(UUID.randomUUID(), space, employer, domain, capacity, UUID.randomUUID(),
                Instant.now());
    }

    private static MandateRevoked revoked(CertificationGranted g, RevocationReason reason) {
        return new MandateRevoked(g.certificationId(), g.spaceId(), g.employer(), g.domain(), g.capacity(), reason,
                null, Instant.now());
    }

    private static <T> String publish(EventType<T> type, String key, T payload) throws Exception {
        return publish(type, key, payload, UUID.randomUUID().toString(), MANDATE_SOURCE);
    }

    /** As the mandate-service's outbox relay publishes: CloudEvents binary mode, keyed by the aggregate. */
    private static <T> String publish(EventType<T> type, String key, T payload, String id, String source)
            throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(type.topic(), key, JSON.writeValueAsString(payload));
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", id);
        header(r, "ce_type", type.type());
        header(r, "ce_source", source);
        header(r, "ce_subject", key);
        header(r, "ce_time", Instant.now().toString());
        header(r, "ce_dataschema", type.schemaId());
        header(r, "content-type", "application/json");
        producer.send(r).get(30, TimeUnit.SECONDS);
        return id;
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), "subscriber", "subscriber");
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> appliedOrder(String employer) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "select event_id from processed_event where record_key = ? order by seq")) {
            ps.setString(1, employer);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static List<String> deadLettered() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition("subscriber.dead-letter", 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> ids.add(
                        new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)));
            }
        }
        return ids;
    }
}
