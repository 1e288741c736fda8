package lu.ccss.guichet.events;

/**
 * One versioned event type: its CloudEvents {@code type}, the topic it is published on, and its payload record.
 * Within a version only additive changes are made; a breaking change is a new type ending in the next version.
 */
public record EventType<T>(String name, String type, String topic, Class<T> payloadClass) {

    /** Classpath location of the JSON Schema (draft 2020-12) of the payload. */
    public String schemaResource() {
        return "/events/schemas/" + type + ".schema.json";
    }

    /**
     * The {@code $id} of the payload's JSON Schema, and the CloudEvents {@code dataschema} of every record of this type.
     */
    public String schemaId() {
        return SCHEMA_BASE + type + ".schema.json";
    }

    /** Where the {@code $id} of every published schema starts. */
    public static final String SCHEMA_BASE = "https://guichet.ccss.lu/events/schemas/";

    /** Classpath location of a sample payload. */
    public String sampleResource() {
        return "/events/samples/" + type + ".json";
    }
}
