package lu.ccss.guichet.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The field-by-field privacy review of the events, kept true: every field that holds personal data, an identifier
 * that can be a national number, an address, a hash or a document says in {@code x-privacy} why it is on its topic;
 * no field is a national identification number by name; no postal address, e-mail or phone outside the employer
 * register's events; and a document's content, title or hash travels only on a private topic
 * ({@link Subscriptions#privateReaders}).
 */
class PrivacyReviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Field names that always need a reviewed reason to be on a topic. */
    private static final Set<String> REVIEWED = Set.of("employer", "registrationNumber", "agentRegistrationNumber",
            "address", "legalName", "name", "recipientName", "displayName", "lastName", "firstName", "email", "phone",
            "title", "sha256", "content", "userId", "createdBy", "removedBy", "readBy", "sealedSecurityCodeHash",
            "sealedCodes");

    /**
     * Where a person or firm can be reached: only the employer register's own events carry it (a registered address
     * is the register's purpose). Every other event names parties by registration number; whoever posts a letter
     * reads the address from its register projection then.
     */
    private static final Set<String> CONTACT = Set.of("address", "email", "phone");

    /** What only a private topic may carry: a document, its title, a digest of it. */
    private static final Set<String> PRIVATE_ONLY = Set.of("content", "sha256", "title");

    static Stream<Arguments> eventTypes() {
        return EventTypes.ALL.stream().map(t -> Arguments.of(Named.of(t.type(), t)));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everySensitiveFieldSaysWhyItIsOnItsTopic(EventType<?> type) throws IOException {
        List<String> problems = new ArrayList<>();
        boolean privateTopic = Subscriptions.privateReaders(type.topic()).isPresent();
        walk(read(type), (path, property) -> {
            String name = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("national") || lower.equals("nin") || lower.contains("matricule")) {
                problems.add(path + ": a national identification number is never a field of an event");
            }
            boolean freeText = property.path("type").asText("").equals("string") && !property.has("enum")
                    && name.equals("reason");
            if ((REVIEWED.contains(name) || freeText || lower.contains("hash")) && !property.has("x-privacy")) {
                problems.add(path + ": no x-privacy note (why is it on " + type.topic() + "?)");
            }
            if (PRIVATE_ONLY.contains(name) && !privateTopic && !path.contains(".")) {
                problems.add(path + ": a document's " + name + " only travels on a private topic");
            }
            if (CONTACT.contains(name) && !type.topic().equals(Topics.REGISTER)) {
                problems.add(path + ": a postal address or personal contact travels only in the register's events");
            }
            if (lower.contains("hash") && !privateTopic && !property.path("properties").has("ciphertext")) {
                problems.add(path + ": a hash on a shared topic must be sealed");
            }
        });
        assertEquals(List.of(), problems, type.type());
    }

    private static JsonNode read(EventType<?> type) throws IOException {
        try (InputStream in = PrivacyReviewTest.class.getResourceAsStream(type.schemaResource())) {
            return JSON.readTree(in);
        }
    }

    /** Calls {@code visit} with every property (path, the property's node merged view: its own keywords). */
    private static void walk(JsonNode root, BiConsumer<String, JsonNode> visit) {
        walk(root, root, "", visit, 0);
    }

    private static void walk(JsonNode root, JsonNode object, String prefix, BiConsumer<String, JsonNode> visit,
                             int depth) {
        if (depth > 8) {
            return;
        }
        object.path("properties").fields().forEachRemaining(e -> {
            JsonNode property = e.getValue();
            JsonNode resolved = resolve(root, property);
            boolean array = resolved.path("type").asText("").equals("array");
            String path = prefix + e.getKey() + (array ? "[]" : "");
            // the note may sit beside a $ref or in the referenced definition
            visit.accept(path, property.has("x-privacy") || !property.has("$ref") ? withType(property, resolved)
                    : resolved);
            JsonNode next = array ? resolve(root, resolved.path("items")) : resolved;
            if (next.has("properties")) {
                walk(root, next, path + ".", visit, depth + 1);
            }
        });
    }

    private static JsonNode withType(JsonNode property, JsonNode resolved) {
        if (property.has("type") || !resolved.has("type")) {
            return property;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = (com.fasterxml.jackson.databind.node.ObjectNode) resolved.deepCopy();
        copy.setAll((com.fasterxml.jackson.databind.node.ObjectNode) property);
        return copy;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : node;
    }
}
