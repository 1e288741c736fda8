package lu.ccss.guichet.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The versioning rule in the build: a published schema may only change in ways its consumers survive, unless the
 * type's version is raised; the schemas of earlier versions stay in the artifact.
 */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> eventTypes() {
        return EventTypes.ALL.stream().map(t -> Arguments.of(Named.of(t.type(), t)));
    }

    static String baseline(String type) {
        return "/events/baselines/" + type + ".schema.json";
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing " + resource);
            return JSON.readTree(in);
        }
    }

    // ----------------------------------------------------------------------------------------- the check itself

    @ParameterizedTest
    @MethodSource("eventTypes")
    void thePublishedSchemaStillServesTheConsumersOfItsVersion(EventType<?> type) throws IOException {
        JsonNode baseline = read(baseline(type.type()));
        assertEquals(baseline.path("$id").asText(), type.schemaId(), "the baseline is the schema of this very type");
        assertEquals(List.of(), SchemaCompatibility.breakingChanges(baseline, read(type.schemaResource())),
                type.type() + " changed in a way that breaks its consumers: raise its version (a new type ….v"
                        + (version(type.type()) + 1) + " with its own baseline) or make the change additive");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theSchemasOfEarlierVersionsAreKept(EventType<?> type) throws IOException {
        String base = type.type().substring(0, type.type().lastIndexOf(".v"));
        for (int v = 1; v <= version(type.type()); v++) {
            read(baseline(base + ".v" + v));
        }
    }

    /**
     * A baseline is what was published: it never changes. Its checksum is in {@code baselines.sha256}; a new
     * version adds a file and a line, it never edits one (so a review sees a baseline being rewritten).
     */
    @Test
    void theBaselinesAreThoseOnceRecorded() throws Exception {
        List<String> lines;
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream("/baselines.sha256")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
        }
        java.util.Set<String> recorded = new java.util.TreeSet<>();
        for (String line : lines) {
            String[] parts = line.split("\\s+");
            recorded.add(parts[1]);
            byte[] bytes;
            try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream("/events/baselines/" + parts[1])) {
                assertNotNull(in, "baseline " + parts[1] + " is gone: a published version's schema stays");
                bytes = in.readAllBytes();
            }
            String actual = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(parts[0], actual, "baseline " + parts[1] + " was edited: baselines are never changed");
        }
        for (EventType<?> type : EventTypes.ALL) {
            assertTrue(recorded.contains(type.type() + ".schema.json"), type.type() + " has no recorded baseline");
        }
    }

    private static int version(String type) {
        return Integer.parseInt(type.substring(type.lastIndexOf(".v") + 2));
    }

    // ----------------------------------------------------------------------------------------- the rule, on purpose

    private static ObjectNode granted() throws IOException {
        return (ObjectNode) read(EventTypes.CERTIFICATION_GRANTED.schemaResource()).deepCopy();
    }

    private static List<String> breaks(JsonNode changed) throws IOException {
        return SchemaCompatibility.breakingChanges(read(baseline(EventTypes.CERTIFICATION_GRANTED.type())), changed);
    }

    @Test
    void aRemovedFieldBreaks() throws IOException {
        ObjectNode schema = granted();
        ((ObjectNode) schema.get("properties")).remove("domain");
        ArrayNode required = schema.putArray("required");
        List.of("certificationId", "spaceId", "employer", "capacity", "requestId", "grantedAt").forEach(required::add);
        assertEquals(List.of("$.domain: removed"), breaks(schema));
    }

    @Test
    void aChangedTypeBreaks() throws IOException {
        ObjectNode schema = granted();
        ((ObjectNode) schema.path("properties").path("grantedAt")).put("type", "integer").remove("format");
        List<String> problems = breaks(schema);
        assertTrue(problems.contains("$.grantedAt: type [string] became [integer]"), problems.toString());
        assertTrue(problems.contains("$.grantedAt: format \"date-time\" became absent"), problems.toString());
    }

    @Test
    void aNewRequiredFieldBreaks() throws IOException {
        ObjectNode schema = granted();
        ((ObjectNode) schema.get("properties")).putObject("grantedBy").put("type", "string").put("description", "who");
        ((ArrayNode) schema.get("required")).add("grantedBy");
        assertEquals(List.of("$.grantedBy: newly required"), breaks(schema));
    }

    @Test
    void aFieldThatBecomesNullableOrOptionalBreaks() throws IOException {
        ObjectNode schema = granted();
        ((ObjectNode) schema.path("properties").path("requestId")).putArray("type").add("string").add("null");
        ArrayNode required = schema.putArray("required");
        List.of("certificationId", "spaceId", "employer", "domain", "capacity", "requestId").forEach(required::add);
        List<String> problems = breaks(schema);
        assertTrue(problems.contains("$.requestId: type [string] became [null, string]"), problems.toString());
        assertTrue(problems.contains("$.grantedAt: no longer required"), problems.toString());
    }

    @Test
    void aNewEnumValueOrALooserPatternBreaks() throws IOException {
        ObjectNode schema = granted();
        ((ArrayNode) schema.path("properties").path("domain").path("enum")).add("PENSIONS");
        ((ObjectNode) schema.path("properties").path("employer")).put("pattern", "^[0-9]+$");
        List<String> problems = breaks(schema);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("$.employer: pattern") || problems.get(1).startsWith("$.employer: pattern"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.domain: enum")), problems.toString());
    }

    @Test
    void aChangeInsideANestedDefinitionBreaks() throws IOException {
        ObjectNode schema = (ObjectNode) read(EventTypes.CODES_ISSUED.schemaResource()).deepCopy();
        ((ObjectNode) schema.path("$defs").path("SealedCodes").path("properties")).remove("iv");
        List<String> problems = SchemaCompatibility.breakingChanges(read(baseline(EventTypes.CODES_ISSUED.type())), schema);
        assertTrue(problems.contains("$.letters[].sealedCodes.iv: removed"), problems.toString());
    }

    @Test
    void additiveChangesPass() throws IOException {
        ObjectNode schema = granted();
        ((ObjectNode) schema.get("properties")).putObject("note").put("type", "string").put("description", "new");
        ((ObjectNode) schema.path("properties").path("spaceId")).put("description", "reworded");
        assertEquals(List.of(), breaks(schema));
    }

    /**
     * Dropping the addresses and personal contacts broke the consumers of RequestTransmitted v2 and CodesIssued v1:
     * hence v3 and v2.
     */
    @Test
    void droppingTheAddressesAndContactsWasBreakingAndSoNewVersions() throws IOException {
        List<String> request = SchemaCompatibility.breakingChanges(
                read(baseline("lu.ccss.certification.request-transmitted.v2")),
                read(EventTypes.REQUEST_TRANSMITTED.schemaResource()));
        assertEquals(List.of("$.employer.address: removed", "$.filer.email: removed", "$.filer.phone: removed",
                "$.agents[].address: removed", "$.agents[].email: removed"), request);
        List<String> codes = SchemaCompatibility.breakingChanges(read(baseline("lu.ccss.mandate.codes-issued.v1")),
                read(EventTypes.CODES_ISSUED.schemaResource()));
        assertEquals(List.of("$.letters[].address: removed"), codes);
    }

    /** The change of RequestTransmitted v1 to v2 (hash sealed) broke v1's consumers: hence the new version. */
    @Test
    void theStepFromRequestTransmittedV1ToV2WasBreakingAndSoAVersion() throws IOException {
        List<String> problems = SchemaCompatibility.breakingChanges(
                read(baseline("lu.ccss.certification.request-transmitted.v1")),
                read(baseline("lu.ccss.certification.request-transmitted.v2")));
        assertTrue(problems.contains("$.securityCodeHash: removed"), problems.toString());
    }
}
