package lu.ccss.guichet.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates rendered objects against the schemas stored in deploy/helm/schemas (SOURCES.md says which versions and
 * from where): the Kubernetes API definitions for built-in kinds, the CRDs' openAPIV3Schema for Strimzi,
 * CloudNativePG, the Keycloak operator and the Prometheus operator. An object of a kind without a schema fails.
 */
final class Schemas {

    static final Path DIR = Chart.MODULE.resolve("schemas");
    static final String KUBERNETES = "kubernetes-1.36.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private final JsonNode kubernetes;
    private final Map<String, JsonSchema> cache = new HashMap<>();
    /** Which schema each validated object was checked against (for the counts in the report). */
    final Set<String> used = new java.util.TreeSet<>();

    Schemas() {
        kubernetes = read(DIR.resolve(KUBERNETES));
    }

    /** The errors of one object; a kind without a schema is an error. */
    List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        JsonSchema schema = schema(apiVersion, kind);
        List<String> errors = new ArrayList<>();
        if (schema == null) {
            errors.add(Chart.id(object) + ": no schema for " + apiVersion + " " + kind);
            return errors;
        }
        for (ValidationMessage m : schema.validate(object)) {
            errors.add(Chart.id(object) + ": " + m.getMessage());
        }
        return errors;
    }

    private JsonSchema schema(String apiVersion, String kind) {
        String key = apiVersion + "|" + kind;
        return cache.computeIfAbsent(key, k -> {
            JsonNode pointer = kubernetes.path("kinds").path(k);
            if (pointer.isTextual()) {
                ObjectNode root = JSON.createObjectNode();
                root.put("$ref", pointer.asText());
                root.set("definitions", kubernetes.get("definitions"));
                used.add(KUBERNETES + " " + k);
                return FACTORY.getSchema(root);
            }
            int slash = apiVersion.indexOf('/');
            if (slash < 0) {
                return null;
            }
            Path crd = DIR.resolve("crds").resolve(apiVersion.substring(0, slash) + "_" + apiVersion.substring(slash + 1)
                    + "_" + kind + ".json");
            if (!Files.exists(crd)) {
                return null;
            }
            used.add("crds/" + crd.getFileName());
            return FACTORY.getSchema(read(crd));
        });
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
