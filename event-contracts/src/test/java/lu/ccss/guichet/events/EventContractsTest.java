package lu.ccss.guichet.events;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the published contract honest: for every event type of {@link EventTypes#ALL}, its JSON Schema, its sample
 * payload and its payload record must agree with one another.
 */
class EventContractsTest {

    /** Configured as the services serialize events: ISO-8601 strings for instants, unknown properties ignored. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** Formats (uuid, date-time, email) are only annotations in 2020-12 unless asserted: assert them. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final Pattern TYPE_NAME =
            Pattern.compile("^lu\\.ccss\\.[a-z]+(\\.[a-z]+(-[a-z]+)*)+\\.v[1-9][0-9]*$");

    /** Record components that may be null ({@code RecordSimpleName.component}); every other one is required. */
    private static final Set<String> NULLABLE = Set.of(
            "MemberAdded.displayName",
            "MemberRemoved.removedBy",
            "CodeLetter.agentRegistrationNumber",
            "LetterPosted.requestId",
            "LetterPosted.codeLetterId",
            "LetterReturned.requestId",
            "LetterReturned.codeLetterId",
            "LetterReturned.reason",
            "Agent.mandateEndsOn",
            "MandateRevoked.successorSpaceId");

    static Stream<Arguments> eventTypes() {
        return EventTypes.ALL.stream().map(t -> Arguments.of(Named.of(t.type(), t)));
    }

    // ------------------------------------------------------------------------------------------------- catalogue

    @Test
    void typeNamesAreUniqueAndVersioned() {
        Set<String> types = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<Class<?>> payloads = new HashSet<>();
        for (EventType<?> t : EventTypes.ALL) {
            assertTrue(types.add(t.type()), "duplicate type " + t.type());
            assertTrue(names.add(t.name()), "duplicate name " + t.name());
            assertTrue(payloads.add(t.payloadClass()), "payload record used twice: " + t.payloadClass());
            assertTrue(TYPE_NAME.matcher(t.type()).matches(),
                    t.type() + " must look like lu.ccss.<service>.<event>.v<N>");
            assertTrue(t.type().matches(".*\\.v[0-9]+$"), t.type() + " must end with .v<N>");
            assertTrue(t.payloadClass().isRecord(), t.payloadClass() + " must be a record");
            assertEquals(t.name(), t.payloadClass().getSimpleName(), "event name and payload record name differ");
            assertEquals(t, EventTypes.byType(t.type()).orElseThrow());
        }
        assertTrue(EventTypes.byType("lu.ccss.space.created.v999").isEmpty());
    }

    @Test
    void everyDeclaredEventTypeIsInTheCatalogueOnAKnownTopic() throws IllegalAccessException {
        Set<String> topics = new HashSet<>();
        for (Field f : Topics.class.getFields()) {
            topics.add((String) f.get(null));
        }
        for (Field f : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == EventType.class) {
                EventType<?> t = (EventType<?>) f.get(null);
                assertTrue(EventTypes.ALL.contains(t), f.getName() + " is missing from EventTypes.ALL");
            }
        }
        for (EventType<?> t : EventTypes.ALL) {
            assertTrue(topics.contains(t.topic()), t.type() + " is published on an unknown topic " + t.topic());
            String service = t.type().split("\\.")[2];
            if (Subscriptions.privateReaders(t.topic()).isEmpty()) {
                assertEquals("guichet." + service + ".events", t.topic(), t.type() + " is on another service's topic");
            } else {
                assertTrue(t.topic().startsWith("guichet." + service + "."), t.type() + " is on another service's topic");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- schemas

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaAndSampleExist(EventType<?> type) {
        assertNotNull(EventContractsTest.class.getResource(type.schemaResource()), "missing " + type.schemaResource());
        assertNotNull(EventContractsTest.class.getResource(type.sampleResource()), "missing " + type.sampleResource());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaIsAValidDraft202012SchemaDescribingTheEvent(EventType<?> type) {
        JsonNode schema = read(type.schemaResource());
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
        assertNoErrors(metaSchema.validate(schema), type.schemaResource() + " against the 2020-12 meta-schema");

        assertEquals(DRAFT_2020_12, schema.path("$schema").asText());
        assertTrue(schema.path("$id").asText().startsWith("https://"), "$id must be an absolute URI");
        assertTrue(schema.path("$id").asText().endsWith("/" + type.type() + ".schema.json"), "$id names the type");
        assertEquals(type.name(), schema.path("title").asText());
        String description = schema.path("description").asText();
        assertTrue(description.contains(type.topic()), "description must name the topic");
        assertTrue(description.contains(type.type()), "description must name the CloudEvents type");
        assertTrue(description.contains("record key"), "description must name the record key");
        assertEquals("object", schema.path("type").asText());
        assertTrue(schema.path("additionalProperties").asBoolean(false),
                "additive changes are allowed within a version: additionalProperties must be true");
    }

    /** The schema describes exactly the record: same properties, every non-nullable one required, types alike. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaMatchesThePayloadRecord(EventType<?> type) {
        JsonNode schema = read(type.schemaResource());
        checkRecord(schema, schema, type.payloadClass(), type.name());
    }

    private static void checkRecord(JsonNode root, JsonNode objectSchema, Class<?> record, String path) {
        assertEquals("object", objectSchema.path("type").asText(), path + " must be an object");
        Set<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>(fieldNames(objectSchema.path("properties")));
        assertEquals(components, properties, path + ": schema properties differ from the record components");

        Set<String> expectedRequired = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            if (!NULLABLE.contains(record.getSimpleName() + "." + c.getName())) {
                expectedRequired.add(c.getName());
            }
        }
        Set<String> required = new TreeSet<>();
        objectSchema.path("required").forEach(r -> required.add(r.asText()));
        assertEquals(expectedRequired, required, path + ": required must list exactly the non-nullable fields");

        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = objectSchema.path("properties").path(c.getName());
            String description = property.path("description")
                    .asText(resolve(root, property).path("description").asText());
            assertFalse(description.isBlank(), path + "." + c.getName() + " has no description");
            boolean nullable = NULLABLE.contains(record.getSimpleName() + "." + c.getName());
            checkType(root, property, c.getGenericType(), nullable, path + "." + c.getName());
        }
    }

    private static void checkType(JsonNode root, JsonNode propertySchema, Type javaType, boolean nullable,
                                  String path) {
        JsonNode schema = resolve(root, propertySchema);
        Set<String> types = new HashSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(schema.path("type").asText());
        }
        assertEquals(nullable, types.remove("null"), path + (nullable ? " must" : " must not") + " allow null");
        assertEquals(1, types.size(), path + " must have exactly one non-null type: " + types);
        String jsonType = types.iterator().next();

        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        if (raw == UUID.class) {
            assertEquals("string", jsonType, path);
            assertEquals("uuid", schema.path("format").asText(), path + " must have format uuid");
        } else if (raw == LocalDate.class) {
            assertEquals("string", jsonType, path);
            assertEquals("date", schema.path("format").asText(), path + " must have format date");
        } else if (raw == Instant.class) {
            assertEquals("string", jsonType, path);
            assertEquals("date-time", schema.path("format").asText(), path + " must have format date-time");
        } else if (raw == String.class) {
            assertEquals("string", jsonType, path);
        } else if (raw == long.class || raw == int.class || raw == Long.class || raw == Integer.class) {
            assertEquals("integer", jsonType, path);
        } else if (raw.isEnum()) {
            assertEquals("string", jsonType, path);
            Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> allowed = new TreeSet<>();
            schema.path("enum").forEach(e -> allowed.add(e.asText()));
            assertEquals(constants, allowed, path + ": enum differs from " + raw.getName());
        } else if (Collection.class.isAssignableFrom(raw)) {
            assertEquals("array", jsonType, path);
            if (Set.class.isAssignableFrom(raw)) {
                assertTrue(schema.path("uniqueItems").asBoolean(false), path + " is a set: uniqueItems must be true");
            }
            Type item = ((ParameterizedType) javaType).getActualTypeArguments()[0];
            checkType(root, schema.path("items"), item, false, path + "[]");
        } else if (raw.isRecord()) {
            checkRecord(root, schema, raw, path);
        } else {
            fail(path + ": no JSON mapping known for " + javaType);
        }
    }

    // ------------------------------------------------------------------------------------------------- samples

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleValidatesAgainstItsSchema(EventType<?> type) {
        assertNoErrors(schema(type).validate(read(type.sampleResource())), type.sampleResource());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleDeserializesIntoThePayloadRecordAndItsSerializationStillValidates(EventType<?> type)
            throws IOException {
        JsonNode sample = read(type.sampleResource());
        Object payload = MAPPER.treeToValue(sample, type.payloadClass());
        assertNotNull(payload);

        JsonNode reserialized = MAPPER.valueToTree(payload);
        assertNoErrors(schema(type).validate(reserialized), "re-serialized " + type.name());
        assertEquivalent(sample, reserialized, type.name());
        assertEquals(payload, MAPPER.treeToValue(reserialized, type.payloadClass()), "round trip changed the payload");
    }

    /** Fields documented as nullable accept null, and such a payload still reads into the record. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void nullableFieldsAcceptNull(EventType<?> type) throws IOException {
        ObjectNode sample = (ObjectNode) read(type.sampleResource());
        for (RecordComponent c : type.payloadClass().getRecordComponents()) {
            if (NULLABLE.contains(type.name() + "." + c.getName())) {
                sample.putNull(c.getName());
            }
        }
        assertNoErrors(schema(type).validate(sample), type.name() + " with its nullable fields null");
        Object payload = MAPPER.treeToValue(sample, type.payloadClass());
        assertNoErrors(schema(type).validate(MAPPER.valueToTree(payload)), "re-serialized " + type.name());
    }

    /** Removing any required field, at any depth, makes the sample invalid. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleMissingARequiredFieldIsRejected(EventType<?> type) {
        JsonNode schemaNode = read(type.schemaResource());
        JsonNode sample = read(type.sampleResource());
        List<String> requiredPointers = new ArrayList<>();
        collectRequired(schemaNode, schemaNode, sample, "", requiredPointers);
        assertFalse(requiredPointers.isEmpty());

        JsonSchema schema = schema(type);
        for (String pointer : requiredPointers) {
            JsonNode broken = sample.deepCopy();
            JsonPointer at = JsonPointer.compile(pointer);
            ((ObjectNode) broken.at(at.head())).remove(at.last().getMatchingProperty());
            Set<ValidationMessage> errors = schema.validate(broken);
            assertTrue(errors.stream().anyMatch(e -> "required".equals(e.getType())),
                    type.name() + " without " + pointer + " must be rejected, got " + errors);
        }
    }

    private static void collectRequired(JsonNode root, JsonNode propertySchema, JsonNode value, String pointer,
                                        List<String> out) {
        JsonNode schema = resolve(root, propertySchema);
        if (value.isObject()) {
            schema.path("required").forEach(r -> out.add(pointer + "/" + r.asText()));
            for (String name : fieldNames(schema.path("properties"))) {
                if (value.has(name)) {
                    collectRequired(root, schema.path("properties").path(name), value.get(name),
                            pointer + "/" + name, out);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collectRequired(root, schema.path("items"), value.get(i), pointer + "/" + i, out);
            }
        }
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                invalid(EventTypes.SPACE_CREATED, "/spaceId", "\"not-a-uuid\""),
                invalid(EventTypes.SPACE_CREATED, "/createdAt", "1741594542.318"),
                invalid(EventTypes.SPACE_CREATED, "/createdAt", "\"2025-03-10 08:15\""),
                invalid(EventTypes.SPACE_CREATED, "/name", "\"\""),
                invalid(EventTypes.MEMBER_ADDED, "/role", "\"OWNER\""),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/employer/registrationNumber", "\"123456789\""),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/employer/registrationNumber", "\"202312345678\""),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/employer/registrationNumber", "\"2023 1234 567\""),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/employer/language", "\"lb\""),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/filer/lastName", "\"\""),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/agents/0/domains", "[\"PENSIONS\"]"),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/agents/0/domains", "[\"BILLING\", \"BILLING\"]"),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/agents/0/domains", "[]"),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/sealedSecurityCodeHash",
                        "\"$argon2id$v=19$m=19456,t=2,p=1$uQqVEC+4FglkJvcrXwY2ZA$PVjlC4ReYvNVw3ZUYRI8U4NUuwXakRyTeoKCmFxNCGA\""),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/sealedSecurityCodeHash/ciphertext", "\"not base64!\""),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/sealedSecurityCodeHash/keyId", "\"\""),
                invalid(EventTypes.CODES_ISSUED, "/letters", "[]"),
                invalid(EventTypes.CODES_ISSUED, "/letters/0/sealedCodes/ciphertext", "\"not base64!\""),
                invalid(EventTypes.CODES_ISSUED, "/letters/0/recipientKind", "\"OPERATOR\""),
                invalid(EventTypes.CODE_LOCKED, "/capacity", "\"OWNER\""),
                invalid(EventTypes.MANDATE_REVOKED, "/reason", "\"FORGOTTEN\""),
                invalid(EventTypes.MANDATE_REVOKED, "/successorSpaceId", "\"space-2\""),
                invalid(EventTypes.REQUEST_TRANSMITTED, "/agents/0/mandateEndsOn", "\"31/12/2027\""),
                invalid(EventTypes.EDELIVERY_STOPPED, "/reason", "\"FORGOTTEN\""),
                invalid(EventTypes.LETTER_POSTED, "/kind", "\"PARCEL\""),
                invalid(EventTypes.DOCUMENT_ROUTED, "/size", "5242881"),
                invalid(EventTypes.DOCUMENT_FOR_INBOX, "/size", "5242881"),
                invalid(EventTypes.DOCUMENT_FOR_INBOX, "/sha256", "\"abc\""),
                invalid(EventTypes.EDELIVERY_ACTIVATED, "/domain", "\"PENSIONS\""),
                invalid(EventTypes.DOCUMENT_READ, "/employer", "\"B123456\""),
                invalid(EventTypes.EMPLOYER_REGISTERED, "/kind", "\"BANK\""),
                invalid(EventTypes.EMPLOYER_REGISTERED, "/language", "\"lb\""),
                invalid(EventTypes.EMPLOYER_REGISTERED, "/address/country", "\"lu\""),
                invalid(EventTypes.EMPLOYER_UPDATED, "/legalName", "\"\""),
                invalid(EventTypes.EMPLOYER_CEASED, "/registrationNumber", "\"2023 1234 567\""));
    }

    private static Arguments invalid(EventType<?> type, String pointer, String json) {
        return Arguments.of(Named.of(type.name(), type), pointer, json);
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("invalidValues")
    void invalidValueIsRejected(EventType<?> type, String pointer, String json) throws IOException {
        JsonNode sample = read(type.sampleResource());
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = sample.at(at.head());
        JsonNode value = MAPPER.readTree(json);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
        } else {
            assertTrue(parent.has(at.last().getMatchingProperty()), pointer + " is not in the sample");
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
        }
        assertFalse(schema(type).validate(sample).isEmpty(), type.name() + " with " + pointer + " = " + json
                + " must be rejected");
    }

    @Test
    void documentForInboxSampleCarriesTheDocumentItDescribes() throws Exception {
        MailingEvents.DocumentForInbox routed = MAPPER.treeToValue(
                read(EventTypes.DOCUMENT_FOR_INBOX.sampleResource()), MailingEvents.DocumentForInbox.class);
        byte[] content = Base64.getDecoder().decode(routed.content());
        assertEquals(routed.size(), content.length, "size must be the decoded length");
        assertEquals(routed.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertTrue(new String(content, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    /** The sealed codes and the sealed security-code hash of the samples are opaque base64. */
    @Test
    void codesIssuedSampleCarriesOnlySealedCodes() {
        JsonNode sample = read(EventTypes.CODES_ISSUED.sampleResource());
        for (JsonNode letter : sample.path("letters")) {
            JsonNode sealed = letter.path("sealedCodes");
            assertEquals(Set.of("keyId", "encryptedKey", "iv", "ciphertext"), new HashSet<>(fieldNames(sealed)));
            for (String field : List.of("encryptedKey", "iv", "ciphertext")) {
                Base64.getDecoder().decode(sealed.path(field).asText());
            }
        }
        JsonNode request = read(EventTypes.REQUEST_TRANSMITTED.sampleResource());
        JsonNode sealedHash = request.path("sealedSecurityCodeHash");
        assertEquals(Set.of("keyId", "encryptedKey", "iv", "ciphertext"), new HashSet<>(fieldNames(sealedHash)));
        for (String field : List.of("encryptedKey", "iv", "ciphertext")) {
            Base64.getDecoder().decode(sealedHash.path(field).asText());
        }
    }

    /** No sample, and no schema property of any catalogued type, carries a security-code hash in clear. */
    @Test
    void noEventCarriesTheSecurityCodeHashInClear() {
        for (EventType<?> type : EventTypes.ALL) {
            String sample = read(type.sampleResource()).toString();
            assertFalse(sample.contains("$argon2"), type.sampleResource() + " carries an Argon2 hash");
            for (RecordComponent c : type.payloadClass().getRecordComponents()) {
                assertFalse(c.getName().equals("securityCodeHash"), type.name() + " has a securityCodeHash field");
            }
        }
        assertTrue(EventTypes.byType("lu.ccss.certification.request-transmitted.v1").isEmpty(),
                "v1 carried the hash in clear and is no longer published");
    }

    // ------------------------------------------------------------------------------------------- earlier versions

    static Stream<Arguments> stillRead() {
        return EventTypes.stillRead().entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), Named.of(e.getValue().type(), e.getValue())));
    }

    /**
     * An earlier version still read (records published before an upgrade) is a version whose schema is kept as a
     * baseline, on the same topic, and every record valid under it is one the current version's consumers can read:
     * the current version only dropped fields (a field the current record does not know is ignored).
     */
    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("stillRead")
    void anEarlierVersionStillReadOnlyHasFieldsTheCurrentVersionDropped(String earlier, EventType<?> current) {
        assertTrue(EventTypes.byType(earlier).isEmpty(), earlier + " is no longer published");
        assertEquals(current.type().substring(0, current.type().lastIndexOf(".v")),
                earlier.substring(0, earlier.lastIndexOf(".v")), "an earlier version of the same event");
        JsonNode baseline = read(SchemaCompatibilityTest.baseline(earlier));
        List<String> problems = SchemaCompatibility.breakingChanges(read(current.schemaResource()), baseline).stream()
                // the earlier version requires the fields since dropped: a current consumer ignores them
                .filter(p -> !p.endsWith(": newly required")).toList();
        assertEquals(List.of(), problems, earlier + " cannot be read as " + current.type());
    }

    /** A record of the earlier version (its sample, kept in the tests) reads into the current record. */
    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("stillRead")
    void aRecordOfAnEarlierVersionReadsIntoTheCurrentRecord(String earlier, EventType<?> current) throws IOException {
        JsonNode old = read("/events/superseded-samples/" + earlier + ".json");
        JsonSchema baseline = FACTORY.getSchema(read(SchemaCompatibilityTest.baseline(earlier)), CONFIG);
        assertNoErrors(baseline.validate(old), earlier + " sample");
        Object payload = MAPPER.treeToValue(old, current.payloadClass());
        JsonNode asCurrent = MAPPER.valueToTree(payload);
        assertNoErrors(schema(current).validate(asCurrent), earlier + " read as " + current.type());
        assertTrue(old.toString().contains("\"address\""), "the earlier sample carries an address");
        assertFalse(asCurrent.toString().contains("\"address\""), "nothing of it is kept");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static JsonSchema schema(EventType<?> type) {
        return FACTORY.getSchema(read(type.schemaResource()), CONFIG);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EventContractsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing resource " + resource);
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + resource, e);
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        assertTrue(ref.asText().startsWith("#/"), "only local $ref expected: " + ref);
        JsonNode target = root.at(ref.asText().substring(1));
        assertFalse(target.isMissingNode(), "unresolved $ref " + ref);
        return resolve(root, target);
    }

    private static List<String> fieldNames(JsonNode node) {
        Iterator<String> names = node.fieldNames();
        return StreamSupport.stream(((Iterable<String>) () -> names).spliterator(), false).toList();
    }

    private static void assertNoErrors(Set<ValidationMessage> errors, String what) {
        assertTrue(errors.isEmpty(), what + " is invalid: " + errors);
    }

    /** Same JSON, except that arrays of scalars (sets such as {@code domains}) may come in another order. */
    private static void assertEquivalent(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertTrue(actual.isObject(), path + " must be an object");
            assertEquals(new TreeSet<>(fieldNames(expected)), new TreeSet<>(fieldNames(actual)),
                    path + ": the sample has fields the record does not carry, or lacks some");
            expected.fieldNames()
                    .forEachRemaining(n -> assertEquivalent(expected.get(n), actual.get(n), path + "." + n));
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), path + " must be an array");
            assertEquals(expected.size(), actual.size(), path + " size");
            boolean scalars = StreamSupport.stream(expected.spliterator(), false).allMatch(JsonNode::isValueNode);
            if (scalars) {
                assertEquals(multiset(expected), multiset(actual), path);
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    assertEquivalent(expected.get(i), actual.get(i), path + "[" + i + "]");
                }
            }
        } else if (expected.isNumber()) {
            assertEquals(0, expected.decimalValue().compareTo(actual.decimalValue()), path);
        } else {
            assertEquals(expected, actual, path);
        }
    }

    private static List<String> multiset(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::toString).sorted().toList();
    }
}
