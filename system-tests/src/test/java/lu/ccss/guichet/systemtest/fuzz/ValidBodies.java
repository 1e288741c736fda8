package lu.ccss.guichet.systemtest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A body that passes an operation's input checks, built from its schema and the fixture's values, and its fields:
 * every generated input breaks it in exactly one place, so that the answer can be about that place. It is never sent
 * as it is.
 */
public final class ValidBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 5;

    private final Schemas schemas;
    private final FuzzTargets targets;

    public ValidBodies(Schemas schemas, FuzzTargets targets) {
        this.schemas = schemas;
        this.targets = targets;
    }

    public JsonNode of(Schema<?> schema) {
        return value("", schema, 0);
    }

    /** Every property of a body of {@code schema}: nested objects' too, and those of an array's first item. */
    public List<BodyField> fields(Schema<?> schema) {
        List<BodyField> fields = new ArrayList<>();
        collect("", schema, fields, 0);
        return fields;
    }

    private void collect(String prefix, Schema<?> schema, List<BodyField> fields, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        List<String> required = schemas.required(schema);
        schemas.properties(schema).forEach((name, property) -> {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            fields.add(new BodyField(path, property, required.contains(name)));
            String type = schemas.type(property);
            if ("object".equals(type)) {
                collect(path, property, fields, depth + 1);
            } else if ("array".equals(type) && "object".equals(schemas.type(schemas.items(property)))) {
                collect(path + "[0]", schemas.items(property), fields, depth + 1);
            }
        });
    }

    /** A valid value for the property at {@code path} ("" for the body itself). */
    private JsonNode value(String path, Schema<?> schema, int depth) {
        String type = schemas.type(schema);
        String hint = path.isEmpty() ? null : targets.bodyHint(path);
        if (hint != null && !"array".equals(type)) {
            return JSON.textNode(hint);
        }
        List<?> enumeration = schemas.enumeration(schema);
        if (!enumeration.isEmpty()) {
            return JSON.textNode(enumeration.get(0).toString());
        }
        return switch (type) {
            case "object" -> object(path, schema, depth);
            case "array" -> JSON.arrayNode().add(item(path, schema, depth));
            case "boolean" -> JSON.booleanNode(true);
            case "integer", "number" -> JSON.numberNode(1);
            default -> string(path, schema);
        };
    }

    private JsonNode item(String path, Schema<?> array, int depth) {
        // "domains": an array whose items take the hint of "domain"
        String singular = path.endsWith("s") ? targets.bodyHint(path.substring(0, path.length() - 1)) : null;
        if (singular != null) {
            return JSON.textNode(singular);
        }
        Schema<?> items = schemas.items(array);
        return items == null ? JSON.textNode("Fuzz") : value(path + "[0]", items, depth + 1);
    }

    private ObjectNode object(String path, Schema<?> schema, int depth) {
        ObjectNode object = JSON.objectNode();
        if (depth <= MAX_DEPTH) {
            schemas.properties(schema).forEach((name, p) -> object.set(name,
                    value(path.isEmpty() ? name : path + "." + name, p, depth + 1)));
        }
        return object;
    }

    private JsonNode string(String path, Schema<?> schema) {
        String format = schemas.format(schema);
        if ("uuid".equals(format)) {
            return JSON.textNode(UUID.nameUUIDFromBytes(("fuzz " + path).getBytes()).toString());
        }
        if ("date".equals(format)) {
            return JSON.textNode(LocalDate.now().plusYears(1).toString());
        }
        if ("date-time".equals(format)) {
            return JSON.textNode("2030-01-01T00:00:00Z");
        }
        String example = schemas.example(schema);
        return JSON.textNode(example != null ? example : "Fuzz");
    }
}
