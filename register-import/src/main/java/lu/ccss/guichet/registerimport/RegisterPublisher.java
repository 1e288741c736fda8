package lu.ccss.guichet.registerimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.RegisterEvents.EmployerCeased;
import lu.ccss.guichet.events.RegisterEvents.EmployerRegistered;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Publishes the register's entries as the register publishes them (CloudEvents in binary mode, keyed by registration
 * number), all in one Kafka transaction: the platform's read-committed consumers see every entry or none.
 */
public final class RegisterPublisher {

    /** The {@code ce_source} of the register's events. */
    public static final String SOURCE = lu.ccss.guichet.events.Topics.REGISTER_SOURCE;

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Properties kafka;

    /** {@code extra} holds the client settings of the target cluster (TLS, SASL, ...), applied last. */
    public RegisterPublisher(String bootstrapServers, Map<String, String> extra) {
        kafka = new Properties();
        kafka.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        kafka.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        kafka.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        kafka.put(ProducerConfig.ACKS_CONFIG, "all");
        kafka.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        kafka.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "register-import-" + UUID.randomUUID());
        kafka.putAll(extra);
    }

    /** Publishes every entry, or none if anything fails; returns how many were published. */
    public int publish(List<EmployerRegistered> entries) {
        return send(entries.stream().map(e -> record(EventTypes.EMPLOYER_REGISTERED, e.registrationNumber(), e))
                .toList());
    }

    /**
     * Publishes the cessation of every entry, or none if anything fails: what the register says when employers or
     * agents stop their activity (used by the system tests and an operator replaying the register's decision).
     */
    public int publishCeased(List<EmployerCeased> cessations) {
        return send(cessations.stream().map(e -> record(EventTypes.EMPLOYER_CEASED, e.registrationNumber(), e))
                .toList());
    }

    private int send(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka)) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                for (ProducerRecord<String, String> record : records) {
                    producer.send(record);
                }
                producer.commitTransaction();
            } catch (RuntimeException e) {
                producer.abortTransaction();
                throw e;
            }
            return records.size();
        }
    }

    static <T> ProducerRecord<String, String> record(EventType<T> type, String registrationNumber, T payload) {
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a register event", e);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), registrationNumber, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type.type());
        header(record, "ce_source", SOURCE);
        header(record, "ce_subject", registrationNumber);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_dataschema", type.schemaId());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
