package lu.ccss.guichet.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/events.md, the catalogue people read, says what event-contracts says (the same source as the generated
 * AsyncAPI document): for every event type its section, type, topic, publisher, record key, the platform services
 * that consume it, schema and sample, and a row per field of its schema (nested fields as {@code a.b} and
 * {@code a[].b}; the common type PostalAddress is not expanded) marked required or nullable as the schema says.
 * A drift fails the build.
 */
class EventsDocTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMMON_TYPES = Set.of("#/$defs/PostalAddress");

    static Stream<Arguments> eventTypes() {
        return EventTypes.ALL.stream().map(t -> Arguments.of(Named.of(t.type(), t)));
    }

    private static String section(String name) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        int start = doc.indexOf("\n### " + name + "\n");
        assertTrue(start >= 0, "docs/events.md has no section ### " + name);
        int end = doc.indexOf("\n#", start + 5);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static String row(String section, String label) {
        return section.lines().filter(l -> l.startsWith("| " + label + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "' in " + section.lines().skip(1).findFirst()));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theSectionNamesTheTypeTopicPublisherKeyConsumersAndFiles(EventType<?> type) throws IOException {
        String section = section(type.name());
        assertTrue(row(section, "type").contains("`" + type.type() + "`"), type.name() + ": type");
        assertTrue(row(section, "topic").contains("`" + type.topic() + "`"), type.name() + ": topic");
        assertTrue(row(section, "published by").contains("`" + Topics.ownerSource(type.topic()).orElseThrow() + "`"),
                type.name() + ": publisher");
        assertTrue(row(section, "record key and `ce_subject`").contains("`" + Subscriptions.keyField(type) + "`"),
                type.name() + ": record key " + Subscriptions.keyField(type));
        String consumers = row(section, "consumed in the platform by");
        Set<String> listed = new TreeSet<>();
        for (String service : Subscriptions.SERVICES) {
            if (consumers.contains(service)) {
                listed.add(service);
            }
        }
        assertEquals(Subscriptions.consumers(type), listed, type.name() + ": consumed in the platform by");
        assertTrue(row(section, "schema").contains(type.type() + ".schema.json"), type.name() + ": schema link");
        assertTrue(row(section, "sample").contains(type.type() + ".json"), type.name() + ": sample link");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theFieldTableListsEveryFieldOfTheSchemaAsRequiredOrNullable(EventType<?> type) throws IOException {
        JsonNode schema;
        try (InputStream in = EventsDocTest.class.getResourceAsStream(type.schemaResource())) {
            schema = JSON.readTree(in);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        flatten(schema, schema, "", expected);

        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : section(type.name()).lines().toList()) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("(?<!\\\\)\\|");
                String field = cells[1].strip().replace("`", "");
                documented.put(field, cells[3].strip().startsWith("yes") ? "required" : "optional");
            }
        }
        assertEquals(new ArrayList<>(new TreeSet<>(expected.keySet())), new ArrayList<>(new TreeSet<>(documented.keySet())),
                type.name() + ": the fields of docs/events.md differ from the schema");
        assertEquals(expected, documented, type.name() + ": required/nullable differ");
    }

    /**
     * The versioning section names every earlier version the platform's consumers still read, with the type it is
     * read as, and says it is still read; a type of the catalogue it does not name as still read is not.
     */
    @org.junit.jupiter.api.Test
    void theVersioningSectionNamesTheEarlierVersionsStillRead() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        int start = doc.indexOf("## Delivery, ordering, versioning");
        String section = doc.substring(start, doc.indexOf("\n## ", start + 5));
        List<String> stillRead = section.lines().map(String::strip).filter(l -> l.startsWith("| `") && l.contains(" | still read"))
                .map(l -> l.split("\\|")[1].strip().replace("`", "") + " -> "
                        + l.split("\\|")[2].strip().replace("`", ""))
                .sorted().toList();
        List<String> expected = EventTypes.stillRead().entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue().type()).sorted().toList();
        assertEquals(expected, stillRead, "docs/events.md, versioning: the table of earlier versions still read");
    }

    /** The privacy table of docs/events.md lists exactly the x-privacy notes of the schemas, word for word. */
    @org.junit.jupiter.api.Test
    void thePrivacyTableIsTheSchemasNotes() throws IOException {
        List<String> expected = new ArrayList<>();
        for (EventType<?> type : EventTypes.ALL) {
            JsonNode schema;
            try (InputStream in = EventsDocTest.class.getResourceAsStream(type.schemaResource())) {
                schema = JSON.readTree(in);
            }
            notes(schema, schema, "", type.name(), expected);
        }
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        int start = doc.indexOf("## Personal data and private payloads");
        assertTrue(start >= 0, "docs/events.md has no section on personal data");
        String section = doc.substring(start, doc.indexOf("\n## ", start + 5));
        List<String> documented = section.lines().filter(l -> l.startsWith("| ") && l.contains(" | `"))
                .map(String::strip).toList();
        assertEquals(expected, documented, "docs/events.md, personal data: the table differs from the x-privacy notes");
    }

    private static void notes(JsonNode root, JsonNode object, String prefix, String event, List<String> out) {
        object.path("properties").fields().forEachRemaining(e -> {
            JsonNode property = e.getValue();
            JsonNode resolved = resolve(root, property);
            boolean array = types(resolved).contains("array");
            String path = prefix + e.getKey() + (array ? "[]" : "");
            String note = property.path("x-privacy").asText(property.has("$ref")
                    ? resolved.path("x-privacy").asText("") : "");
            if (!note.isEmpty()) {
                out.add("| " + event + " | `" + path + "` | " + note + " |");
            }
            JsonNode next = array ? resolve(root, resolved.path("items")) : resolved;
            if (next.has("properties")) {
                notes(root, next, path + ".", event, out);
            }
        });
    }

    private static void flatten(JsonNode root, JsonNode object, String prefix, Map<String, String> out) {
        Set<String> required = new TreeSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        object.path("properties").fields().forEachRemaining(e -> {
            JsonNode property = e.getValue();
            String ref = property.path("$ref").asText("");
            JsonNode resolved = resolve(root, property);
            boolean array = types(resolved).contains("array");
            String path = prefix + e.getKey() + (array ? "[]" : "");
            out.put(path, required.contains(e.getKey()) ? "required" : "optional");
            if (COMMON_TYPES.contains(ref)) {
                return;
            }
            if (array) {
                JsonNode items = resolve(root, resolved.path("items"));
                if (types(items).contains("object") && !COMMON_TYPES.contains(resolved.path("items").path("$ref").asText(""))) {
                    flatten(root, items, path + ".", out);
                }
            } else if (types(resolved).contains("object") && resolved.has("properties")) {
                flatten(root, resolved, path + ".", out);
            }
        });
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(schema.path("type").asText());
        }
        return types;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : node;
    }
}
