package lu.ccss.guichet.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Subscriptions;
import lu.ccss.guichet.events.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the platform's AsyncAPI 3.0 document, and one per service (its own channels and operations), from the single
 * source in event-contracts: {@link EventTypes}, {@link Topics}, {@link Subscriptions}, the JSON Schemas and the
 * samples. Run by the build (exec-maven-plugin, phase {@code process-test-classes}) into {@code target/classes/asyncapi/},
 * so the documents ship in the jar and are never written by hand; {@code AsyncApiDocumentTest} validates them against
 * the official AsyncAPI 3.0.0 JSON Schema.
 *
 * <p>The payload schemas are the published ones (draft 2020-12), placed under {@code components.schemas} as AsyncAPI
 * Schema Objects (a superset of draft-07): {@code $schema} and {@code $id} are dropped ({@code $id} is kept as
 * {@code x-dataschema}), {@code $defs} become components named {@code <Event>.<Def>} and their {@code $ref}s follow.
 * A keyword that only 2020-12 knows stops the generation rather than being mistranslated.
 */
public final class AsyncApiGenerator {

    public static final String ASYNCAPI_VERSION = "3.0.0";
    public static final String KAFKA_BINDING_VERSION = "0.5.0";
    /** Classpath folder of the generated documents. */
    public static final String FOLDER = "asyncapi";
    public static final String PLATFORM_DOCUMENT = "guichet.asyncapi.yaml";

    /** JSON Schema keywords of draft 2019-09/2020-12 that draft-07 (and so AsyncAPI's Schema Object) lacks. */
    private static final Set<String> NEWER_KEYWORDS = Set.of("prefixItems", "unevaluatedProperties",
            "unevaluatedItems", "dependentRequired", "dependentSchemas", "$anchor", "$dynamicRef", "$dynamicAnchor",
            "$vocabulary", "minContains", "maxContains");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private AsyncApiGenerator() {
    }

    /** {@code args[0]}: output folder (the jar's {@code asyncapi/}); {@code args[1]}: the artifact version. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String version = args.length > 1 ? args[1] : "0";
        Files.createDirectories(out);
        ObjectNode platform = platform(version);
        Files.writeString(out.resolve(PLATFORM_DOCUMENT), YAML.writeValueAsString(platform));
        for (String service : Subscriptions.SERVICES) {
            Files.writeString(out.resolve(serviceDocument(service)), YAML.writeValueAsString(forService(platform, service)));
        }
    }

    /** File name of a service's document in the {@link #FOLDER}. */
    public static String serviceDocument(String service) {
        return service + ".asyncapi.yaml";
    }

    // ------------------------------------------------------------------------------------------------ the platform

    public static ObjectNode platform(String version) {
        ObjectNode doc = NODES.objectNode();
        doc.put("asyncapi", ASYNCAPI_VERSION);
        doc.put("id", "urn:lu:ccss:guichet:events");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Guichet — professional-space certification: events");
        info.put("version", version);
        info.put("description", """
                Every event the platform publishes on Kafka, for subscribers inside and outside the platform. \
                Each record is a CloudEvent 1.0 in binary content mode: the attributes are `ce_*` headers, the value \
                is the JSON payload (UTF-8), the key is the aggregate id named in each message (`ce_subject` carries \
                the same value). Delivery is at least once: deduplicate by `ce_id`. Records of one key stay in one \
                partition and so in order; there is no order across keys or topics. Within a version only additive \
                changes are made (ignore unknown properties); a breaking change is a new type `….v<N+1>`. \
                A platform service that cannot process a record sends it, unchanged, to its own dead-letter topic \
                with the headers `dead-letter-reason` and `dead-letter-cause`. Generated at build time from the \
                event-contracts module; the human-readable catalogue is docs/events.md.""");
        info.putObject("license").put("name", "Proprietary — Centre commun de la sécurité sociale");
        doc.put("defaultContentType", "application/json");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");

        for (EventType<?> type : EventTypes.ALL) {
            addPayloadSchemas(schemas, type);
            messages.set(type.name(), message(type));
        }

        for (String topic : topics()) {
            List<EventType<?>> onTopic = EventTypes.ALL.stream().filter(t -> t.topic().equals(topic)).toList();
            String channelId = channelId(topic);
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic);
            String publisher = Subscriptions.publisher(topic);
            channel.put("title", topic);
            channel.put("description", "Published only by " + publisher + " (ce_source `"
                    + Topics.ownerSource(topic).orElseThrow() + "`): a consumer refuses a record from any other "
                    + "source. Record keys: " + String.join("; ", onTopic.stream()
                    .map(t -> t.name() + " by `" + Subscriptions.keyField(t) + "`").toList()) + ".");
            Subscriptions.privateReaders(topic).ifPresent(readers -> {
                channel.put("description", "PRIVATE: only " + String.join(", ", readers) + " may read this topic "
                        + "(Kafka ACL); it carries what only they need. " + channel.path("description").asText());
                ArrayNode list = channel.putArray("x-private-readers");
                readers.forEach(list::add);
            });
            ObjectNode channelMessages = channel.putObject("messages");
            onTopic.forEach(t -> channelMessages.putObject(t.name()).put("$ref", "#/components/messages/" + t.name()));
            kafkaChannel(channel, topic, Subscriptions.EVENT_TOPIC_PARTITIONS);

            ObjectNode send = operations.putObject(operationId(publisher, "send", channelId));
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + channelId);
            send.put("summary", publisher + " publishes " + names(onTopic) + ".");
            send.put("x-service", publisher);
            ArrayNode sent = send.putArray("messages");
            onTopic.forEach(t -> sent.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + t.name()));

            for (String consumer : Subscriptions.SERVICES) {
                List<EventType<?>> consumed = onTopic.stream()
                        .filter(t -> Subscriptions.consumers(t).contains(consumer)).toList();
                if (consumed.isEmpty()) {
                    continue;
                }
                ObjectNode receive = operations.putObject(operationId(consumer, "receive", channelId));
                receive.put("action", "receive");
                receive.putObject("channel").put("$ref", "#/channels/" + channelId);
                receive.put("summary", consumer + " consumes " + names(consumed) + "; it skips the other types "
                        + "of the topic, and sends a record it cannot process to "
                        + Subscriptions.deadLetterTopic(consumer) + ".");
                receive.put("x-service", consumer);
                ArrayNode received = receive.putArray("messages");
                consumed.forEach(t -> received.addObject()
                        .put("$ref", "#/channels/" + channelId + "/messages/" + t.name()));
            }
        }

        for (String service : Subscriptions.SERVICES) {
            List<EventType<?>> consumed = EventTypes.ALL.stream()
                    .filter(t -> Subscriptions.consumers(t).contains(service)).toList();
            String topic = Subscriptions.deadLetterTopic(service);
            String channelId = channelId(topic);
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic);
            channel.put("title", topic);
            channel.put("description", "Dead-letter topic of " + service + ": a record it consumed and could not "
                    + "process, with its original key, value and ce_* headers, plus `dead-letter-reason` and "
                    + "`dead-letter-cause` headers. Watched by the operators and replayed with dead-letter-replay.");
            ObjectNode channelMessages = channel.putObject("messages");
            consumed.forEach(t -> channelMessages.putObject(t.name()).put("$ref", "#/components/messages/" + t.name()));
            kafkaChannel(channel, topic, Subscriptions.DEAD_LETTER_TOPIC_PARTITIONS);
            ObjectNode send = operations.putObject(operationId(service, "send", channelId));
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + channelId);
            send.put("summary", service + " dead-letters a record it could not process.");
            send.put("x-service", service);
            ArrayNode sent = send.putArray("messages");
            consumed.forEach(t -> sent.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + t.name()));
        }
        return doc;
    }

    /** Topics in the order of the catalogue. */
    static List<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        EventTypes.ALL.forEach(t -> topics.add(t.topic()));
        return List.copyOf(topics);
    }

    /** {@code guichet.space.events} -> {@code spaceEvents}; {@code guichet.space.dead-letter} -> {@code spaceDeadLetter}. */
    public static String channelId(String topic) {
        String[] words = topic.replaceFirst("^guichet\\.", "").split("[.-]");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }

    static String operationId(String service, String action, String channelId) {
        String name = service.startsWith("/") ? "employerRegister" : channelId(service);
        return name + "." + action + "." + channelId;
    }

    private static String names(List<EventType<?>> types) {
        return String.join(", ", types.stream().map(EventType::name).toList());
    }

    private static void kafkaChannel(ObjectNode channel, String topic, int partitions) {
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
        kafka.put("topic", topic);
        kafka.put("partitions", partitions);
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
    }

    // ------------------------------------------------------------------------------------------------ messages

    private static ObjectNode message(EventType<?> type) {
        JsonNode schema = read(type.schemaResource());
        ObjectNode message = NODES.objectNode();
        message.put("name", type.name());
        message.put("title", type.name() + " (" + type.type() + ")");
        message.put("summary", firstSentence(schema.path("description").asText()));
        message.put("description", schema.path("description").asText());
        message.put("contentType", "application/json");
        message.set("headers", headers(type));
        message.putObject("payload").put("$ref", "#/components/schemas/" + type.name());
        ObjectNode key = message.putObject("bindings").putObject("kafka");
        JsonNode keySchema = schema.path("properties").path(Subscriptions.keyField(type));
        if (keySchema.isMissingNode()) {
            throw new IllegalStateException(type.type() + " has no property " + Subscriptions.keyField(type));
        }
        ObjectNode keyCopy = ((ObjectNode) keySchema.deepCopy());
        keyCopy.put("description", "The record key: the payload's `" + Subscriptions.keyField(type) + "`, as a "
                + "UTF-8 string. " + keySchema.path("description").asText());
        key.set("key", keyCopy);
        key.put("bindingVersion", KAFKA_BINDING_VERSION);
        ArrayNode examples = message.putArray("examples");
        ObjectNode example = examples.addObject();
        example.put("name", "sample");
        example.put("summary", "The sample payload shipped in event-contracts (" + type.sampleResource() + ").");
        ObjectNode exampleHeaders = example.putObject("headers");
        JsonNode sample = read(type.sampleResource());
        exampleHeaders.put("ce_specversion", "1.0");
        exampleHeaders.put("ce_id", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b");
        exampleHeaders.put("ce_type", type.type());
        exampleHeaders.put("ce_source", Topics.ownerSource(type.topic()).orElseThrow());
        exampleHeaders.put("ce_subject", sample.path(Subscriptions.keyField(type)).asText());
        exampleHeaders.put("ce_time", "2025-03-12T10:04:31.512Z");
        exampleHeaders.put("ce_dataschema", type.schemaId());
        exampleHeaders.put("content-type", "application/json");
        example.set("payload", sample);
        message.put("x-cloudevents-type", type.type());
        message.put("x-dataschema", type.schemaId());
        message.put("x-record-key", Subscriptions.keyField(type));
        message.put("x-publisher", Subscriptions.publisher(type.topic()));
        ArrayNode consumers = message.putArray("x-consumers");
        Subscriptions.consumers(type).forEach(consumers::add);
        List<String> stillRead = EventTypes.stillRead().entrySet().stream()
                .filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).sorted().toList();
        if (!stillRead.isEmpty()) {
            // earlier versions no longer published, which the consumers still read as this one (docs/events.md)
            stillRead.forEach(message.putArray("x-still-read-versions")::add);
        }
        return message;
    }

    private static ObjectNode headers(EventType<?> type) {
        ObjectNode headers = NODES.objectNode();
        headers.put("type", "object");
        headers.put("description", "CloudEvents 1.0 attributes, Kafka protocol binding, binary content mode.");
        ObjectNode p = headers.putObject("properties");
        constant(p, "ce_specversion", "1.0", "CloudEvents specversion.");
        p.putObject("ce_id").put("type", "string").put("format", "uuid")
                .put("description", "Unique id of the event; a redelivered event keeps it: deduplicate by it.");
        constant(p, "ce_type", type.type(), "The versioned event type.");
        constant(p, "ce_source", Topics.ownerSource(type.topic()).orElseThrow(),
                "The publisher, the only owner of the topic; refuse a record from any other source.");
        p.putObject("ce_subject").put("type", "string")
                .put("description", "The aggregate id, the same value as the record key (the payload's `"
                        + Subscriptions.keyField(type) + "`).");
        p.putObject("ce_time").put("type", "string").put("format", "date-time")
                .put("description", "When the fact happened, RFC 3339 in UTC.");
        constant(p, "ce_dataschema", type.schemaId(), "The JSON Schema of the payload (its $id), shipped in "
                + "event-contracts at " + type.schemaResource() + ".");
        constant(p, "content-type", "application/json", "The CloudEvents datacontenttype of the payload.");
        ArrayNode required = headers.putArray("required");
        List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_dataschema",
                "content-type").forEach(required::add);
        return headers;
    }

    private static void constant(ObjectNode properties, String name, String value, String description) {
        properties.putObject(name).put("type", "string").put("const", value).put("description", description);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    // ------------------------------------------------------------------------------------------------ schemas

    /** The payload schema as {@code components.schemas.<Event>}, its {@code $defs} as {@code <Event>.<Def>}. */
    private static void addPayloadSchemas(ObjectNode schemas, EventType<?> type) {
        ObjectNode schema = (ObjectNode) read(type.schemaResource()).deepCopy();
        String prefix = type.name() + ".";
        checkDraft07(schema, type.schemaResource());
        String id = schema.path("$id").asText();
        if (!id.equals(type.schemaId())) {
            throw new IllegalStateException(type.schemaResource() + " has $id " + id + ", expected " + type.schemaId());
        }
        schema.remove("$schema");
        schema.remove("$id");
        JsonNode defs = schema.remove("$defs");
        rewriteRefs(schema, prefix);
        ObjectNode payload = NODES.objectNode();
        payload.put("x-dataschema", id);
        payload.setAll(schema);
        schemas.set(type.name(), payload);
        if (defs != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> def = it.next();
                JsonNode copy = def.getValue().deepCopy();
                rewriteRefs(copy, prefix);
                schemas.set(prefix + def.getKey(), copy);
            }
        }
    }

    private static void rewriteRefs(JsonNode node, String prefix) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null) {
                if (!ref.asText().startsWith("#/$defs/")) {
                    throw new IllegalStateException("only local $defs references are supported: " + ref);
                }
                object.put("$ref", "#/components/schemas/" + prefix + ref.asText().substring("#/$defs/".length()));
            }
            object.forEach(child -> rewriteRefs(child, prefix));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, prefix));
        }
    }

    private static void checkDraft07(JsonNode node, String where) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                if (NEWER_KEYWORDS.contains(name)) {
                    throw new IllegalStateException(where + " uses " + name + ", which AsyncAPI's draft-07 "
                            + "Schema Object does not know: extend the generator before using it");
                }
            });
            object.forEach(child -> checkDraft07(child, where));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> checkDraft07(child, where));
        }
    }

    // ------------------------------------------------------------------------------------------------ per service

    /**
     * The document of one service: the channels it sends or receives on (its topic, the topics it consumes, its
     * dead-letter topic), its operations only, and the components they reach.
     */
    public static ObjectNode forService(ObjectNode platform, String service) {
        ObjectNode doc = platform.deepCopy();
        doc.put("id", "urn:lu:ccss:guichet:events:" + service);
        ((ObjectNode) doc.get("info")).put("title", "Guichet " + service + ": events it sends and receives");
        ObjectNode operations = (ObjectNode) doc.get("operations");
        Set<String> channels = new TreeSet<>();
        List<String> foreign = new ArrayList<>();
        operations.fields().forEachRemaining(e -> {
            if (service.equals(e.getValue().path("x-service").asText())) {
                channels.add(e.getValue().path("channel").path("$ref").asText().substring("#/channels/".length()));
            } else {
                foreign.add(e.getKey());
            }
        });
        operations.remove(foreign);
        ObjectNode allChannels = (ObjectNode) doc.get("channels");
        List<String> otherChannels = new ArrayList<>();
        allChannels.fieldNames().forEachRemaining(c -> {
            if (!channels.contains(c)) {
                otherChannels.add(c);
            }
        });
        allChannels.remove(otherChannels);
        prune(doc);
        return doc;
    }

    /** Removes the components that no channel or operation reaches. */
    private static void prune(ObjectNode doc) {
        Set<String> reached = new TreeSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>(List.of(doc.get("channels"), doc.get("operations")));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref instanceof TextNode text && text.asText().startsWith("#/components/")
                        && reached.add(text.asText())) {
                    todo.push(doc.at(text.asText().substring(1)));
                }
            }
            node.forEach(todo::push);
        }
        ObjectNode components = (ObjectNode) doc.get("components");
        for (String kind : List.of("schemas", "messages")) {
            ObjectNode section = (ObjectNode) components.get(kind);
            List<String> unused = new ArrayList<>();
            section.fieldNames().forEachRemaining(name -> {
                if (!reached.contains("#/components/" + kind + "/" + name)) {
                    unused.add(name);
                }
            });
            section.remove(unused);
        }
    }

    static JsonNode read(String resource) {
        try (InputStream in = AsyncApiGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
