package lu.ccss.guichet.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Subscriptions;
import lu.ccss.guichet.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AsyncAPI documents the build generated into the jar ({@code asyncapi/*.asyncapi.yaml}) are valid AsyncAPI 3.0.0
 * (the official JSON Schema from the npm package {@code @asyncapi/specs}, kept in {@code asyncapi-spec/}) and say what
 * the catalogue says: every event type, topic, key, consumer and dead-letter topic.
 */
class AsyncApiDocumentTest {

    /** npm @asyncapi/specs 6.11.1, schemas/3.0.0-without-$id.json, Apache-2.0 (LICENSE beside it). */
    private static final String SPEC = "/asyncapi-spec/asyncapi-3.0.0.schema.json";
    private static final String SPEC_SHA256 = "abe96881dbfaad495ccbb6bd8d3fb43ca18a13b9d7564849ccb66f39d5e5b20f";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema asyncApiSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(SPEC)) {
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> errors(JsonNode document) {
        Set<String> errors = new TreeSet<>();
        for (ValidationMessage m : asyncApiSchema().validate(document)) {
            errors.add(m.getMessage());
        }
        return errors;
    }

    private static ObjectNode generated(String file) throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/" + AsyncApiGenerator.FOLDER + "/" + file)) {
            assertNotNull(in, file + " was not generated into the jar (exec-maven-plugin, process-test-classes)");
            return (ObjectNode) AsyncApiGenerator.YAML.readTree(in);
        }
    }

    @Test
    void theKeptSpecificationIsTheOfficialOne() throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(SPEC)) {
            byte[] bytes = in.readAllBytes();
            assertEquals(SPEC_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    "asyncapi-spec/asyncapi-3.0.0.schema.json must stay the file of @asyncapi/specs 6.11.1");
        }
    }

    @Test
    void thePlatformDocumentIsValidAsyncApi3() throws IOException {
        ObjectNode doc = generated(AsyncApiGenerator.PLATFORM_DOCUMENT);
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertEquals(Set.of(), errors(doc));
    }

    @Test
    void everyServiceDocumentIsValidAsyncApi3AndHoldsOnlyItsOwnOperations() throws IOException {
        for (String service : Subscriptions.SERVICES) {
            ObjectNode doc = generated(AsyncApiGenerator.serviceDocument(service));
            assertEquals(Set.of(), errors(doc), service);
            assertFalse(doc.path("operations").isEmpty(), service);
            doc.path("operations").forEach(op -> assertEquals(service, op.path("x-service").asText()));
            Set<String> channels = new TreeSet<>();
            doc.path("channels").fields().forEachRemaining(c -> channels.add(c.getValue().path("address").asText()));
            assertTrue(channels.contains(Subscriptions.deadLetterTopic(service)), service + ": its dead-letter topic");
            for (EventType<?> type : EventTypes.ALL) {
                boolean concerned = Subscriptions.publisher(type.topic()).equals(service)
                        || Subscriptions.consumers(type).contains(service);
                if (concerned) {
                    assertTrue(doc.path("components").path("messages").has(type.name()), service + " / " + type.name());
                    assertTrue(channels.contains(type.topic()), service + " / " + type.topic());
                } else {
                    // a type on none of its channels is left out
                    assertEquals(channels.contains(type.topic()),
                            doc.path("components").path("messages").has(type.name()), service + " / " + type.name());
                }
            }
        }
    }

    /** The validator is strict: documents a lenient reader might accept are refused. */
    @Test
    void theValidatorRefusesBrokenDocuments() throws IOException {
        ObjectNode doc = generated(AsyncApiGenerator.PLATFORM_DOCUMENT);

        ObjectNode noChannel = doc.deepCopy();
        ((ObjectNode) noChannel.path("operations").elements().next()).remove("channel");
        assertFalse(errors(noChannel).isEmpty(), "an operation without its channel");

        ObjectNode badAction = doc.deepCopy();
        ((ObjectNode) badAction.path("operations").elements().next()).put("action", "publish");
        assertFalse(errors(badAction).isEmpty(), "AsyncAPI 2's publish is not a 3.0 action");

        ObjectNode badBinding = doc.deepCopy();
        ((ObjectNode) badBinding.path("channels").path("spaceEvents").path("bindings").path("kafka"))
                .put("partitions", "three");
        assertFalse(errors(badBinding).isEmpty(), "partitions must be an integer");

        ObjectNode unknownField = doc.deepCopy();
        ((ObjectNode) unknownField.path("components").path("messages").path("SpaceCreated")).put("topic", "x");
        assertFalse(errors(unknownField).isEmpty(), "a message has no property topic");
    }

    @Test
    void theDocumentSaysWhatTheCatalogueSays() throws IOException {
        ObjectNode doc = generated(AsyncApiGenerator.PLATFORM_DOCUMENT);
        JsonNode messages = doc.path("components").path("messages");
        assertEquals(EventTypes.ALL.size(), messages.size());
        for (EventType<?> type : EventTypes.ALL) {
            JsonNode message = messages.path(type.name());
            assertEquals(type.type(), message.path("headers").path("properties").path("ce_type").path("const").asText());
            assertEquals(Topics.ownerSource(type.topic()).orElseThrow(),
                    message.path("headers").path("properties").path("ce_source").path("const").asText());
            assertEquals(type.schemaId(),
                    message.path("headers").path("properties").path("ce_dataschema").path("const").asText());
            assertEquals(Subscriptions.keyField(type), message.path("x-record-key").asText());
            Set<String> consumers = new TreeSet<>();
            message.path("x-consumers").forEach(c -> consumers.add(c.asText()));
            assertEquals(Subscriptions.consumers(type), consumers, type.name());

            JsonNode channel = doc.path("channels").path(AsyncApiGenerator.channelId(type.topic()));
            assertEquals(type.topic(), channel.path("address").asText());
            assertEquals(Subscriptions.EVENT_TOPIC_PARTITIONS, channel.path("bindings").path("kafka").path("partitions").asInt());
            assertTrue(channel.path("messages").has(type.name()));

            // the payload is the published schema, property for property
            JsonNode published = AsyncApiGenerator.read(type.schemaResource());
            JsonNode payload = doc.path("components").path("schemas").path(type.name());
            assertEquals(published.path("required"), payload.path("required"), type.name());
            assertEquals(new TreeSet<>(names(published.path("properties"))), new TreeSet<>(names(payload.path("properties"))));
            assertEquals(type.schemaId(), payload.path("x-dataschema").asText());
        }
        for (String service : Subscriptions.SERVICES) {
            JsonNode dlq = doc.path("channels").path(AsyncApiGenerator.channelId(Subscriptions.deadLetterTopic(service)));
            assertEquals(Subscriptions.deadLetterTopic(service), dlq.path("address").asText());
            assertEquals(Subscriptions.DEAD_LETTER_TOPIC_PARTITIONS, dlq.path("bindings").path("kafka").path("partitions").asInt());
        }
        assertEquals(Topics.owners().size() + Subscriptions.SERVICES.size(), doc.path("channels").size());
    }

    /** A private topic is in the documents of its publisher and its readers only, and says so. */
    @Test
    void aPrivateTopicIsOnlyInTheDocumentsOfItsPublisherAndReaders() throws IOException {
        ObjectNode doc = generated(AsyncApiGenerator.PLATFORM_DOCUMENT);
        JsonNode channel = doc.path("channels").path(AsyncApiGenerator.channelId(Topics.MAILING_INBOX));
        assertTrue(channel.path("description").asText().startsWith("PRIVATE"));
        assertEquals("edelivery-service", channel.path("x-private-readers").get(0).asText());
        for (String service : Subscriptions.SERVICES) {
            boolean allowed = Subscriptions.privateReaders(Topics.MAILING_INBOX).orElseThrow().contains(service)
                    || Subscriptions.publisher(Topics.MAILING_INBOX).equals(service);
            ObjectNode own = generated(AsyncApiGenerator.serviceDocument(service));
            assertEquals(allowed, own.path("channels").has(AsyncApiGenerator.channelId(Topics.MAILING_INBOX)), service);
            assertEquals(allowed, own.path("components").path("messages").has("DocumentForInbox"), service);
        }
    }

    /** A message names the earlier versions its consumers still read as it (records in flight during an upgrade). */
    @Test
    void aMessageNamesTheEarlierVersionsStillReadAsIt() throws IOException {
        ObjectNode doc = generated(AsyncApiGenerator.PLATFORM_DOCUMENT);
        JsonNode messages = doc.path("components").path("messages");
        assertEquals("lu.ccss.certification.request-transmitted.v2",
                messages.path("RequestTransmitted").path("x-still-read-versions").get(0).asText());
        assertEquals("lu.ccss.mandate.codes-issued.v1",
                messages.path("CodesIssued").path("x-still-read-versions").get(0).asText());
        assertFalse(messages.path("CertificationGranted").has("x-still-read-versions"));
    }

    /** Each message's sample validates against the message's payload schema as the document states it. */
    @Test
    void everyExampleValidatesAgainstItsPayloadSchemaInTheDocument() throws IOException {
        ObjectNode doc = generated(AsyncApiGenerator.PLATFORM_DOCUMENT);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventType<?> type : EventTypes.ALL) {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "http://json-schema.org/draft-07/schema#");
            root.put("$ref", "#/components/schemas/" + type.name());
            root.putObject("components").set("schemas", doc.path("components").path("schemas").deepCopy());
            JsonSchema schema = factory.getSchema(JSON.writeValueAsString(root), InputFormat.JSON, config);
            JsonNode example = doc.path("components").path("messages").path(type.name()).path("examples").get(0);
            assertEquals(Set.of(), schema.validate(example.path("payload")), type.name());
            assertFalse(schema.validate(JSON.createObjectNode()).isEmpty(), type.name() + ": an empty payload must fail");
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
