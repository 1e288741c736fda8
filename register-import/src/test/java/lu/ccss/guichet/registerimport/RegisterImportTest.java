package lu.ccss.guichet.registerimport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import lu.ccss.guichet.embedded.EmbeddedKafkaBroker;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.RegisterEvents.EmployerRegistered;
import lu.ccss.guichet.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command against a real broker: good lines published in one transaction, bad ones reported and left out. */
class RegisterImportTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startEphemeral();
        broker.createTopics(List.of(Topics.REGISTER), 3);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void publishesTheGoodLinesAsRegistrationsAndReportsTheBadOnes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("register.csv");
        Files.writeString(csv, RegisterCsvTest.HEADER + """
                20231234567;EMPLOYER;Boulangerie Muller;Route d'Esch;125;L-1471;Luxembourg;LU;fr
                20231234568;BANK;Not a kind;Rue;1;L-1000;Luxembourg;LU;fr
                19980412003;PROFESSIONAL_AGENT;Fiduciaire Weber;Boulevard Royal;26;L-2449;Luxembourg;LU;de
                """, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = RegisterImport.run(new String[] {"--file=" + csv, "--bootstrap-servers=" + broker.bootstrapServers()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("skipped line 3: kind must be EMPLOYER"),
                err.toString(StandardCharsets.UTF_8));
        List<ConsumerRecord<String, String>> records = readCommitted(2);
        assertEquals(List.of("19980412003", "20231234567"), records.stream().map(ConsumerRecord::key).sorted().toList());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(EventTypes.EMPLOYER_REGISTERED.type(), header(record, "ce_type"));
            assertEquals(RegisterPublisher.SOURCE, header(record, "ce_source"));
            assertEquals(record.key(), json.readValue(record.value(), EmployerRegistered.class).registrationNumber());
        }
    }

    @Test
    void aDryRunPublishesNothingAndAWrongFileIsRefused(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("register.csv");
        Files.writeString(csv, "number;name\n1;x\n", StandardCharsets.UTF_8);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(1, RegisterImport.run(new String[] {"--file=" + csv}, quiet, quiet));
        assertEquals(2, RegisterImport.run(new String[] {}, quiet, quiet));
        Files.writeString(csv, RegisterCsvTest.HEADER
                + "20001234567;EMPLOYER;Dry;Rue;1;L-1000;Luxembourg;LU;fr\n", StandardCharsets.UTF_8);
        assertEquals(0, RegisterImport.run(new String[] {"--file=" + csv, "--dry-run",
                "--bootstrap-servers=" + broker.bootstrapServers()}, quiet, quiet));
    }

    private static List<ConsumerRecord<String, String>> readCommitted(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.REGISTER));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() >= expected) {
                    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                    break;
                }
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
