package lu.ccss.guichet.systemtest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;

/**
 * One property of a request body, where an input breaks it: {@code name}, {@code address.street} or
 * {@code agents[0].email} (an array's first item).
 *
 * @param path     the property's path, as the platform names it in {@code errors[].field}
 * @param schema   its schema
 * @param required whether its object's schema lists it as required
 */
public record BodyField(String path, Schema<?> schema, boolean required) {

    /** A copy of {@code body} whose property at this path holds {@code value}. */
    public JsonNode with(JsonNode body, JsonNode value) {
        JsonNode copy = body.deepCopy();
        ObjectNode parent = parent(copy);
        parent.set(leaf(), value);
        return copy;
    }

    /** A copy of {@code body} without this property. */
    public JsonNode without(JsonNode body) {
        JsonNode copy = body.deepCopy();
        parent(copy).remove(leaf());
        return copy;
    }

    private String leaf() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private ObjectNode parent(JsonNode root) {
        JsonNode node = root;
        int end = path.lastIndexOf('.');
        if (end > 0) {
            for (String step : path.substring(0, end).split("\\.")) {
                if (step.endsWith("[0]")) {
                    node = ((ArrayNode) node.get(step.substring(0, step.length() - 3))).get(0);
                } else {
                    node = node.get(step);
                }
            }
        }
        return (ObjectNode) node;
    }
}
