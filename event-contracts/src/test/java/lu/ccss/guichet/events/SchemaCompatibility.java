package lu.ccss.guichet.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a new schema of an event type still serves the consumers written against the published one (its baseline):
 * every record valid under the new schema must be one a consumer of the baseline can read. What breaks them:
 * <ul>
 * <li>a property removed, or no longer required (a consumer relies on its presence);</li>
 * <li>a type changed or widened (including {@code null} newly allowed), an enum value or a const changed or added;</li>
 * <li>a format or pattern changed or dropped, a bound loosened (maxLength, maximum, maxItems up or dropped;
 * minLength, minimum, minItems down or dropped), {@code uniqueItems} dropped;</li>
 * <li>a new required property (the register's producers and replays of old records do not send it; announced
 * instead as optional, or in a new version).</li>
 * </ul>
 * Additive changes pass: a new optional property, new descriptions or examples, a tightened bound. Local {@code $ref}s
 * are followed in both schemas. This is the rule of docs/events.md (versioning), applied by {@code SchemaCompatibilityTest}
 * to every type against {@code /events/baselines/<type>.schema.json}.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** What in {@code current} breaks a consumer of {@code baseline}; empty if nothing does. */
    public static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare(baseline, baseline, current, current, "$", problems, 0);
        return problems;
    }

    private static void compare(JsonNode oldRoot, JsonNode oldNode, JsonNode newRoot, JsonNode newNode, String path,
                                List<String> problems, int depth) {
        if (depth > 32) {
            return; // recursive schemas: deep enough
        }
        JsonNode was = resolve(oldRoot, oldNode);
        JsonNode is = resolve(newRoot, newNode);

        Set<String> oldTypes = types(was);
        Set<String> newTypes = types(is);
        if (!oldTypes.isEmpty() && (newTypes.isEmpty() || !oldTypes.containsAll(newTypes))) {
            problems.add(path + ": type " + oldTypes + " became " + (newTypes.isEmpty() ? "any" : newTypes));
        }
        if (was.has("enum")) {
            Set<String> oldValues = values(was.get("enum"));
            Set<String> newValues = is.has("enum") ? values(is.get("enum")) : null;
            if (newValues == null || !oldValues.containsAll(newValues)) {
                problems.add(path + ": enum " + oldValues + " became " + (newValues == null ? "any value" : newValues));
            }
        }
        same(was, is, "const", path, problems);
        same(was, is, "format", path, problems);
        same(was, is, "pattern", path, problems);
        notLooser(was, is, "maxLength", true, path, problems);
        notLooser(was, is, "maximum", true, path, problems);
        notLooser(was, is, "exclusiveMaximum", true, path, problems);
        notLooser(was, is, "maxItems", true, path, problems);
        notLooser(was, is, "minLength", false, path, problems);
        notLooser(was, is, "minimum", false, path, problems);
        notLooser(was, is, "exclusiveMinimum", false, path, problems);
        notLooser(was, is, "minItems", false, path, problems);
        if (was.path("uniqueItems").asBoolean(false) && !is.path("uniqueItems").asBoolean(false)) {
            problems.add(path + ": uniqueItems dropped");
        }

        Set<String> oldRequired = names(was.path("required"));
        Set<String> newRequired = names(is.path("required"));
        JsonNode oldProperties = was.path("properties");
        JsonNode newProperties = is.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = oldProperties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String at = path + "." + p.getKey();
            if (!newProperties.has(p.getKey())) {
                problems.add(at + ": removed");
                continue;
            }
            if (oldRequired.contains(p.getKey()) && !newRequired.contains(p.getKey())) {
                problems.add(at + ": no longer required");
            }
            compare(oldRoot, p.getValue(), newRoot, newProperties.get(p.getKey()), at, problems, depth + 1);
        }
        for (String name : newRequired) {
            if (!oldRequired.contains(name)) {
                problems.add(path + "." + name + ": newly required");
            }
        }
        if (was.has("items")) {
            compare(oldRoot, was.get("items"), newRoot, is.path("items"), path + "[]", problems, depth + 1);
        }
    }

    private static void same(JsonNode was, JsonNode is, String keyword, String path, List<String> problems) {
        if (was.has(keyword) && !Objects.equals(was.get(keyword), is.get(keyword))) {
            problems.add(path + ": " + keyword + " " + was.get(keyword) + " became "
                    + (is.has(keyword) ? is.get(keyword) : "absent"));
        }
    }

    private static void notLooser(JsonNode was, JsonNode is, String keyword, boolean upper, String path,
                                  List<String> problems) {
        if (!was.has(keyword)) {
            return;
        }
        double before = was.get(keyword).asDouble();
        if (!is.has(keyword) || (upper ? is.get(keyword).asDouble() > before : is.get(keyword).asDouble() < before)) {
            problems.add(path + ": " + keyword + " " + was.get(keyword) + " loosened to "
                    + (is.has(keyword) ? is.get(keyword) : "absent"));
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        if (types.contains("number")) {
            types.add("integer");
        }
        return types;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(v -> names.add(v.asText()));
        return names;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.toString()));
        return values;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
        for (int i = 0; i < 8 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are compared: " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
