package lu.ccss.guichet.systemtest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading a schema of an OpenAPI 3.1 document: its {@code $ref}s point into the document's components (with the
 * sibling keywords SmallRye adds, such as {@code type}), and its type may be a set ({@code ["string", "null"]}).
 */
public final class Schemas {

    private final Map<String, Schema> components;

    public Schemas(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    /** The schema a {@code $ref} points to (followed to the end), or the schema itself. */
    public Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        for (int hops = 0; s != null && s.get$ref() != null && hops < 20; hops++) {
            String ref = s.get$ref();
            Schema<?> target = components.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null) {
                throw new IllegalArgumentException("unresolvable " + ref);
            }
            s = target;
        }
        return s;
    }

    /** The JSON type: string, integer, number, boolean, array or object (object when nothing says otherwise). */
    public String type(Schema<?> schema) {
        Schema<?> s = resolve(schema);
        if (s == null) {
            return "object";
        }
        if (s.getType() != null) {
            return s.getType();
        }
        Set<String> types = s.getTypes();
        if (types != null) {
            return types.stream().filter(t -> !"null".equals(t)).findFirst().orElse("object");
        }
        if (s.getProperties() != null) {
            return "object";
        }
        // a $ref with sibling "type": the sibling is on the referring schema
        return schema.getType() != null ? schema.getType() : "object";
    }

    public String format(Schema<?> schema) {
        Schema<?> s = resolve(schema);
        return s == null || s.getFormat() == null ? schema.getFormat() : s.getFormat();
    }

    public List<?> enumeration(Schema<?> schema) {
        Schema<?> s = resolve(schema);
        return s == null || s.getEnum() == null ? List.of() : s.getEnum();
    }

    public Map<String, Schema> properties(Schema<?> schema) {
        Schema<?> s = resolve(schema);
        return s == null || s.getProperties() == null ? Map.of() : s.getProperties();
    }

    public List<String> required(Schema<?> schema) {
        Schema<?> s = resolve(schema);
        return s == null || s.getRequired() == null ? List.of() : s.getRequired();
    }

    public Schema<?> items(Schema<?> schema) {
        Schema<?> s = resolve(schema);
        return s == null ? null : s.getItems();
    }

    /** The first example the document gives, as text, or null. */
    public String example(Schema<?> schema) {
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return text(schema.getExamples().get(0));
        }
        if (schema.getExample() != null) {
            return text(schema.getExample());
        }
        Schema<?> s = resolve(schema);
        if (s != schema && s != null) {
            return example(s);
        }
        return null;
    }

    /** The parser keeps an OpenAPI 3.1 example as a JSON node: {@code "Claire"}, quotes included, as its toString. */
    private static String text(Object example) {
        return example instanceof JsonNode node ? node.asText() : example.toString();
    }
}
