package lu.ccss.guichet.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Subscriptions;
import lu.ccss.guichet.embedded.EmbeddedKafkaBroker;
import lu.ccss.guichet.testing.KafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event type, written to the outbox as a service writes it and relayed to the real (embedded) broker, is a
 * conformant CloudEvent as the CloudEvents Java SDK's Kafka binding reads it (not our own header parsing): the
 * required attributes, {@code datacontenttype} {@code application/json}, {@code dataschema} the {@code $id} of the
 * published schema, and data that validates against that schema.
 */
@QuarkusTest
class CloudEventsConformanceTest {

    /** The types' records go to a topic of their own, so that the test application's consumers never see them. */
    private static final String TOPIC = "guichet.lib-test.conformance";

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Test
    void everyEventTypeIsAConformantCloudEventWithItsPublishedSchema() throws Exception {
        Map<String, EventType<?>> sent = new HashMap<>();
        for (EventType<?> type : EventTypes.ALL) {
            sent.put(record(type).toString(), type);
        }

        Map<String, ConsumerRecord<String, CloudEvent>> received = read(sent.keySet().size(), sent);
        assertEquals(sent.keySet(), received.keySet());

        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (Map.Entry<String, ConsumerRecord<String, CloudEvent>> e : received.entrySet()) {
            EventType<?> type = sent.get(e.getKey());
            CloudEvent event = e.getValue().value();
            String what = type.type();
            assertEquals(io.cloudevents.SpecVersion.V1, event.getSpecVersion(), what);
            assertEquals(e.getKey(), event.getId(), what);
            assertEquals(URI.create("/guichet/lib-test"), event.getSource(), what);
            assertEquals(type.type(), event.getType(), what);
            assertEquals(e.getValue().key(), event.getSubject(), what + ": ce_subject is the record key");
            OffsetDateTime time = event.getTime();
            assertNotNull(time, what + ": time");
            assertEquals("application/json", event.getDataContentType(), what);
            assertEquals(URI.create(type.schemaId()), event.getDataSchema(), what);
            assertNotNull(event.getData(), what);

            // dataschema resolves to the schema shipped in event-contracts, whose $id it is
            JsonNode schemaJson;
            try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
                schemaJson = mapper.readTree(in);
            }
            assertEquals(event.getDataSchema().toString(), schemaJson.path("$id").asText(), what);
            JsonSchema schema = factory.getSchema(schemaJson, config);
            JsonNode data = mapper.readTree(event.getData().toBytes());
            assertEquals(java.util.Set.of(), schema.validate(data), what + ": data against its dataschema");
            assertEquals(data.path(Subscriptions.keyField(type)).asText(), e.getValue().key(),
                    what + ": the key is the payload's " + Subscriptions.keyField(type));
        }
    }

    /** Writes the type's sample, read into its payload record, to the outbox in a transaction, as a service does. */
    private <T> UUID record(EventType<T> type) throws Exception {
        T payload;
        try (InputStream in = EventType.class.getResourceAsStream(type.sampleResource())) {
            payload = mapper.readValue(in, type.payloadClass());
        }
        EventType<T> onTestTopic = new EventType<>(type.name(), type.type(), TOPIC, type.payloadClass());
        String key = mapper.valueToTree(payload).path(Subscriptions.keyField(type)).asText();
        return QuarkusTransaction.requiringNew().call(() -> outbox.record(onTestTopic, "conformance", key, payload));
    }

    private static Map<String, ConsumerRecord<String, CloudEvent>> read(int expected, Map<String, ?> ids) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(EmbeddedKafkaBroker.MAX_MESSAGE_BYTES));
        Map<String, ConsumerRecord<String, CloudEvent>> found = new HashMap<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(props)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(TOPIC, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    if (ids.containsKey(r.value().getId())) {
                        found.put(r.value().getId(), r);
                    }
                }
            }
        }
        assertTrue(found.size() >= expected, "only " + found.size() + " of " + expected + " events read");
        return found;
    }
}
