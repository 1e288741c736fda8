package lu.ccss.guichet.deadletters;

import lu.ccss.guichet.embedded.EmbeddedKafkaBroker;
import lu.ccss.guichet.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command against a real broker: what failed goes back to its topic once; forgeries and malformed records never. */
class DeadLetterReplayTest {

    private static final String DEAD_LETTERS = "guichet.mandate.dead-letter";
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startEphemeral();
        broker.createTopics(List.of(Topics.SPACE, DEAD_LETTERS), 1);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void publishesAFailedEventAgainOnceAndNeverAForgeryOrAMalformedRecord() {
        String failed = UUID.randomUUID().toString();
        deadLetter(failed, "/guichet/space-service", "java.lang.IllegalStateException", "database unavailable");
        deadLetter(UUID.randomUUID().toString(), "/somebody/else", "lu.ccss.guichet.platform.inbound."
                + "InvalidEventException", "ce_source is not the topic's owner");
        deadLetter(UUID.randomUUID().toString(), "/guichet/space-service",
                "lu.ccss.guichet.platform.inbound.InvalidEventException", "no data");

        String dry = run("--service=mandate", "--dry-run");
        assertTrue(dry.contains("dry run: would publish again 1 event(s); 2 left"), dry);
        assertEquals(0, eventsOnTheSpaceTopic().size(), "a dry run publishes nothing");

        String output = run("--service=mandate");
        assertTrue(output.contains("published again 1 event(s); 2 left"), output);
        assertTrue(output.contains("refused as a forgery"), output);
        assertTrue(output.contains("refused as malformed"), output);
        List<ConsumerRecord<String, String>> events = eventsOnTheSpaceTopic();
        assertEquals(1, events.size());
        ConsumerRecord<String, String> again = events.get(0);
        assertEquals(failed, header(again, "ce_id"));
        assertEquals("space-1", again.key());
        assertEquals("{\"spaceId\":\"space-1\"}", again.value());
        assertNull(again.headers().lastHeader("dead-letter-reason"), "the failure's headers stay behind");

        String next = run("--service=mandate");
        assertTrue(next.contains("published again 0 event(s); 0 left"), "a second run starts where the first stopped: "
                + next);
        assertEquals(1, eventsOnTheSpaceTopic().size());
    }

    @Test
    void refusesAnUnknownService() {
        assertEquals(2, DeadLetterReplay.run(new String[] {"--service=nobody"}, quiet(), quiet()));
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--bootstrap-servers=" + broker.bootstrapServers());
        int status = DeadLetterReplay.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                quiet());
        assertEquals(0, status);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void deadLetter(String eventId, String source, String exception, String reason) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(DEAD_LETTERS, "space-1",
                    "{\"spaceId\":\"space-1\"}");
            Map.of("ce_id", eventId, "ce_source", source, "ce_type", "lu.ccss.guichet.space.member-removed.v1",
                    "dead-letter-topic", Topics.SPACE, "dead-letter-exception-class-name", exception,
                    "dead-letter-reason", reason).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
        }
    }

    private static List<ConsumerRecord<String, String>> eventsOnTheSpaceTopic() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.SPACE));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
