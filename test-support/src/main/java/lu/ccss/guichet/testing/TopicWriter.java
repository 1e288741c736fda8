package lu.ccss.guichet.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Publishes CloudEvents to the test broker as another service would (binary mode, ce_* headers). */
public final class TopicWriter {

    private TopicWriter() {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** Publishes {@code payload} as its owner would: the event type's topic and CloudEvents type, a fresh id. */
    public static <T> String publish(EventType<T> type, String key, T payload) {
        String eventId = UUID.randomUUID().toString();
        publish(type, key, eventId, payload);
        return eventId;
    }

    /** The same with a chosen event id, to deliver one event twice. */
    public static <T> void publish(EventType<T> type, String key, String eventId, T payload) {
        try {
            publish(type.topic(), key, eventId, type.type(), JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + payload, e);
        }
    }

    /** Publishes as the owner of {@code topic} would ({@link #sourceOf}). */
    public static void publish(String topic, String key, String eventId, String type, String json) {
        publish(topic, key, eventId, type, sourceOf(topic), json);
    }

    /**
     * The {@code ce_source} a consumer accepts on {@code topic}: its owner's ({@link Topics#ownerSource}), or
     * {@value #TEST_SOURCE} for a test topic outside the catalogue.
     */
    public static String sourceOf(String topic) {
        return Topics.ownerSource(topic).orElse(TEST_SOURCE);
    }

    /** The {@code ce_source} of test topics outside the catalogue. */
    public static final String TEST_SOURCE = "/guichet/test";

    /** Publishes with a chosen {@code ce_source}, for instance to forge an event as an intruder would. */
    public static void publish(String topic, String key, String eventId, String type, String source, String json) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", eventId);
            header(record, "ce_type", type);
            header(record, "ce_source", source);
            header(record, "ce_subject", key);
            header(record, "ce_time", Instant.now().toString());
            header(record, "content-type", "application/json");
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
