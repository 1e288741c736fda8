package lu.ccss.guichet.systemtest.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lu.ccss.guichet.systemtest.fuzz.FuzzInput.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The bad inputs of one operation, derived from its schema and drawn from jqwik's generators with a fixed seed (the
 * same inputs on every run): for each body field a wrong JSON type, a control character and a huge string (strings),
 * an unknown value (enumerations) and its absence (required fields); for the body as a whole deep nesting, malformed
 * JSON, a wrong Content-Type and hostile unknown fields; for each path and query parameter malformed values.
 *
 * <p>Every input breaks a body that is otherwise valid (see {@link ValidBodies}) in one place, so the answer is about
 * that place. The platform ignores unknown body fields by design (docs/fuzzing.md), so an unknown field always comes
 * with a wrong type in a known one: what is checked is that the unknown field, however hostile, neither breaks the
 * service nor hides the known problem.
 */
public final class BadInputs {

    /** A string that keeps the body under the 64 KiB limit, and one that takes it over. */
    static final int UNDER_BODY_LIMIT = 60_000;
    static final int OVER_BODY_LIMIT = 100_000;
    /** Jackson stops at a nesting depth of 1000; the inputs go well past it. */
    static final List<Integer> NESTING_DEPTHS = List.of(1_500, 10_000);
    static final int PER_PATH_PARAMETER = 5;
    static final int PER_QUERY_PARAMETER = 4;
    private static final char[] CONTROL_CHARACTERS = {'\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c',
            '\u001b', '\u007f'};
    private static final String RAW = "__fuzz_raw__";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schemas schemas;
    private final ValidBodies bodies;
    private final FuzzTargets targets;
    private final Random random;

    public BadInputs(Schemas schemas, FuzzTargets targets, long seed) {
        this.schemas = schemas;
        this.bodies = new ValidBodies(schemas, targets);
        this.targets = targets;
        this.random = new Random(seed);
    }

    public List<FuzzInput> of(ApiOperation operation) {
        Request valid = validRequest(operation);
        List<FuzzInput> inputs = new ArrayList<>();
        if (operation.body() != null) {
            JsonNode body = bodies.of(operation.body());
            for (BodyField field : bodies.fields(operation.body())) {
                inputs.addAll(fieldInputs(valid, body, field));
            }
            inputs.addAll(wholeBodyInputs(valid, body, bodies.fields(operation.body()), operation.bodyRequired()));
        }
        for (ApiOperation.ApiParameter p : operation.pathParameters()) {
            for (int i = 0; i < PER_PATH_PARAMETER; i++) {
                String value = draw(badPathValue(p));
                inputs.add(valid.withPath(Kind.BAD_PATH_PARAMETER, p.name(), describe(value), p.name(), value));
            }
        }
        for (ApiOperation.ApiParameter p : operation.queryParameters()) {
            for (int i = 0; i < PER_QUERY_PARAMETER; i++) {
                String value = draw(badQueryValue());
                inputs.add(valid.withQuery(Kind.BAD_QUERY_PARAMETER, p.name(), describe(value), p.name(), value));
            }
            if (p.required()) {
                inputs.add(valid.withQuery(Kind.BAD_QUERY_PARAMETER, p.name(), "absent", p.name(), null));
            }
        }
        return inputs;
    }

    /** The operation's valid request, as a base for the HTTP-layer probes (only ever sent changed). */
    public FuzzInput valid(ApiOperation operation) {
        Request valid = validRequest(operation);
        return new FuzzInput(Kind.HTTP_LAYER, "request", "valid", valid.path(), valid.query(), valid.body(),
                valid.body() == null ? null : "application/json", null);
    }

    // ---------------------------------------------------------------- body fields

    private List<FuzzInput> fieldInputs(Request valid, JsonNode body, BodyField field) {
        List<FuzzInput> inputs = new ArrayList<>();
        String type = schemas.type(field.schema());
        for (JsonNode wrong : wrongTypes(type)) {
            inputs.add(valid.withBody(Kind.WRONG_TYPE, field.path(), jsonType(wrong) + " for " + type,
                    field.with(body, wrong), null));
        }
        if (field.required()) {
            boolean absent = random.nextBoolean();
            inputs.add(valid.withBody(Kind.MISSING_REQUIRED, field.path(), absent ? "absent" : "null",
                    absent ? field.without(body) : field.with(body, JSON.nullNode()), null));
        }
        if ("string".equals(type)) {
            String controlled = draw(withControlCharacter());
            char control = controlled.chars().filter(c -> c < 0x20 || c == 0x7f).mapToObj(c -> (char) c)
                    .findFirst().orElseThrow();
            inputs.add(valid.withBody(Kind.CONTROL_CHARACTER, field.path(), String.format("U+%04X", (int) control),
                    field.with(body, JSON.textNode(controlled)), String.valueOf(control)));
            String huge = draw(hugeString());
            inputs.add(valid.withBody(Kind.HUGE_STRING, field.path(), huge.length() + " characters",
                    field.with(body, JSON.textNode(huge)), huge.substring(0, 64)));
        }
        List<?> enumeration = schemas.enumeration(field.schema());
        if (!enumeration.isEmpty()) {
            String unknown = draw(unknownValueOf(enumeration));
            inputs.add(valid.withBody(Kind.UNKNOWN_ENUM, field.path(), unknown,
                    field.with(body, JSON.textNode(unknown)), null));
        }
        return inputs;
    }

    /**
     * Two JSON values of another type than {@code type}. A boolean gets the two a lenient reader would turn into
     * {@code true} (the string "true" and the number 1): {@code false} would be refused for its value, not its type.
     */
    private List<JsonNode> wrongTypes(String type) {
        if ("boolean".equals(type)) {
            return List.of(JSON.textNode("true"), JSON.numberNode(1));
        }
        return List.of(draw(wrongType(type)), draw(wrongType(type)));
    }

    /** A JSON value of another type than {@code type}. */
    Arbitrary<JsonNode> wrongType(String type) {
        Arbitrary<JsonNode> number = Arbitraries.integers().between(-1000, 1000).map(JSON::numberNode);
        Arbitrary<JsonNode> bool = Arbitraries.of(true, false).map(JSON::booleanNode);
        Arbitrary<JsonNode> object = Arbitraries.strings().alpha().ofLength(3)
                .map(k -> JSON.objectNode().put(k, "Fuzz"));
        Arbitrary<JsonNode> array = Arbitraries.strings().alpha().ofLength(3).map(s -> JSON.arrayNode().add(s));
        Arbitrary<JsonNode> text = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(JSON::textNode);
        return switch (type) {
            case "string" -> Arbitraries.oneOf(number, bool, object, array);
            // "true" and 1 are what a lenient reader turns into a boolean
            case "boolean" -> Arbitraries.oneOf(Arbitraries.of("true", "yes").map(JSON::textNode),
                    Arbitraries.of(1).map(JSON::numberNode), object, array);
            case "array" -> Arbitraries.oneOf(text, number, object, bool);
            case "integer", "number" -> Arbitraries.oneOf(text, bool, object, array);
            default -> Arbitraries.oneOf(text, number, bool, array);
        };
    }

    Arbitrary<String> withControlCharacter() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(6),
                        Arbitraries.of(CONTROL_CHARACTERS), Arbitraries.strings().alpha().ofMaxLength(6))
                .as((before, control, after) -> before + control + after);
    }

    Arbitrary<String> hugeString() {
        return Arbitraries.of(UNDER_BODY_LIMIT, OVER_BODY_LIMIT)
                .flatMap(n -> Arbitraries.strings().withCharRange('a', 'z').ofLength(n));
    }

    Arbitrary<String> unknownValueOf(List<?> enumeration) {
        Set<String> known = enumeration.stream().map(Object::toString).collect(Collectors.toSet());
        Arbitrary<String> invented = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(3).ofMaxLength(12)
                .filter(s -> !known.contains(s));
        Arbitrary<String> near = Arbitraries.of(List.copyOf(known)).map(k -> k + "_X");
        return Arbitraries.oneOf(invented, near);
    }

    // ---------------------------------------------------------------- the body as a whole

    private List<FuzzInput> wholeBodyInputs(Request valid, JsonNode body, List<BodyField> fields,
                                            boolean bodyRequired) {
        List<FuzzInput> inputs = new ArrayList<>();
        String text = write(body);
        for (int depth : NESTING_DEPTHS) {
            boolean arrays = random.nextBoolean();
            String nested = arrays ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            boolean inField = !fields.isEmpty() && random.nextBoolean();
            String where = inField ? fields.get(0).path() : "body";
            String raw = inField ? write(fields.get(0).with(body, JSON.textNode(RAW))).replace('"' + RAW + '"',
                    nested) : nested;
            inputs.add(valid.withRawBody(Kind.DEEP_NESTING, where, depth + " nested " + (arrays ? "arrays"
                    : "objects"), raw.getBytes(StandardCharsets.UTF_8), "application/json"));
        }
        // no body at all is a valid request where the body is optional
        List<Malformation> malformations = Arrays.stream(Malformation.values())
                .filter(m -> bodyRequired || !m.meansNoBody).toList();
        for (Malformation m : draw(Arbitraries.of(malformations).list().ofSize(4).uniqueElements())) {
            inputs.add(valid.withRawBody(Kind.MALFORMED_JSON, "body", m.description, m.apply(text, random),
                    "application/json"));
        }
        List<String> wrongTypes = draw(Arbitraries.of("text/plain", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "application/octet-stream",
                "application/yaml").list().ofSize(2).uniqueElements());
        for (String contentType : wrongTypes) {
            inputs.add(valid.withRawBody(Kind.WRONG_CONTENT_TYPE, "body", contentType,
                    text.getBytes(StandardCharsets.UTF_8), contentType));
        }
        if (!fields.isEmpty()) {
            for (int i = 0; i < 2; i++) {
                inputs.add(extraField(valid, body, fields.get(0)));
            }
        }
        return inputs;
    }

    /** A hostile unknown field first, then a known field of the wrong type that must still be the answer. */
    private FuzzInput extraField(Request valid, JsonNode body, BodyField known) {
        String name = draw(Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("@class", "__proto__", "constructor", "$type", "a\u0000b", "")));
        JsonNode value = draw(Arbitraries.oneOf(
                Arbitraries.of(JSON.textNode("x".repeat(UNDER_BODY_LIMIT / 2)), JSON.nullNode(),
                        JSON.textNode("java.lang.ProcessBuilder")),
                withControlCharacter().map(JSON::textNode),
                Arbitraries.integers().between(2, 50).map(BadInputs::nestedObject)));
        ObjectNode hostile = JSON.objectNode();
        hostile.set(name, value);
        JsonNode broken = known.with(body, draw(wrongType(schemas.type(known.schema()))));
        if (broken instanceof ObjectNode rest) {
            hostile.setAll(rest);
        }
        return valid.withBody(Kind.EXTRA_FIELD, known.path(), "unknown field " + describe(name) + " holding "
                + jsonType(value) + ", and a wrong type in " + known.path(), hostile, null);
    }

    private static JsonNode nestedObject(int depth) {
        JsonNode node = JSON.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = JSON.objectNode().set("a", node);
        }
        return node;
    }

    /** Ways to break the JSON text of a valid body. */
    enum Malformation {
        TRUNCATED("cut short") {
            @Override
            byte[] apply(String json, Random random) {
                return utf8(json.substring(0, 1 + random.nextInt(json.length() - 1)));
            }
        },
        TRAILING_GARBAGE("valid JSON then garbage") {
            @Override
            byte[] apply(String json, Random random) {
                return utf8(json + " }{ garbage");
            }
        },
        SECOND_DOCUMENT("two JSON documents") {
            @Override
            byte[] apply(String json, Random random) {
                return utf8(json + json);
            }
        },
        SINGLE_QUOTES("single quotes") {
            @Override
            byte[] apply(String json, Random random) {
                return utf8(json.replace('"', '\''));
            }
        },
        TRAILING_COMMA("trailing comma") {
            @Override
            byte[] apply(String json, Random random) {
                return utf8(json.substring(0, json.length() - 1) + ",}");
            }
        },
        COMMENT("a comment") {
            @Override
            byte[] apply(String json, Random random) {
                return utf8("/* fuzz */" + json);
            }
        },
        NOT_A_NUMBER("NaN as a value") {
            @Override
            byte[] apply(String json, Random random) {
                return utf8(json.replaceFirst(":\\s*(\"[^\"]*\"|true|false|-?\\d+)", ":NaN"));
            }
        },
        INVALID_UTF8("bytes that are not UTF-8") {
            @Override
            byte[] apply(String json, Random random) {
                // inside the first key: C3 starts a two-byte sequence that 28 ("(") does not continue
                byte[] text = utf8(json);
                int at = json.indexOf('"') + 1;
                byte[] broken = new byte[text.length + 2];
                System.arraycopy(text, 0, broken, 0, at);
                broken[at] = (byte) 0xC3;
                broken[at + 1] = (byte) 0x28;
                System.arraycopy(text, at, broken, at + 2, text.length - at);
                return broken;
            }
        },
        EMPTY("empty body", true) {
            @Override
            byte[] apply(String json, Random random) {
                return new byte[0];
            }
        },
        LITERAL_NULL("the JSON literal null", true) {
            @Override
            byte[] apply(String json, Random random) {
                return utf8("null");
            }
        },
        DUPLICATE_KEY("a key twice") {
            @Override
            byte[] apply(String json, Random random) {
                // {"a":1,"b":2} -> {"a":1,"a":1,"b":2}: the first member repeated, a parser differential
                JsonNode body = read(json);
                if (body.isEmpty()) {
                    return utf8(json + json);
                }
                String first = body.fieldNames().next();
                String member = write(JSON.objectNode().set(first, body.get(first)));
                member = member.substring(1, member.length() - 1);
                return utf8("{" + member + "," + json.substring(1));
            }
        };

        final String description;
        final boolean meansNoBody;

        Malformation(String description) {
            this(description, false);
        }

        Malformation(String description, boolean meansNoBody) {
            this.description = description;
            this.meansNoBody = meansNoBody;
        }

        abstract byte[] apply(String json, Random random);

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- parameters

    /** Malformed ids for a path parameter: a UUID parameter gets non-UUIDs, a text one hostile text. */
    Arbitrary<String> badPathValue(ApiOperation.ApiParameter parameter) {
        Arbitrary<String> hostile = Arbitraries.oneOf(withControlCharacter(),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(3_000),
                Arbitraries.of("..", "%", "' OR '1'='1", "\uD83D\uDCA5", " "));
        if (!"uuid".equals(schemas.format(parameter.schema()))) {
            return hostile;
        }
        return Arbitraries.oneOf(hostile,
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                overflowingNumber(),
                uuids().map(u -> u.toString().substring(0, 35) + "g"),
                uuids().map(u -> u + "0"),
                Arbitraries.of("-1", "0", "00000000-0000-0000-0000"));
    }

    Arbitrary<String> badQueryValue() {
        return Arbitraries.oneOf(withControlCharacter(), overflowingNumber(),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(3_000),
                Arbitraries.integers().between(-1_000_000, -1).map(String::valueOf),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(3).ofMaxLength(12).map(s -> "NOT_" + s),
                Arbitraries.of("1.5", "1e3", "0x10", "not-a-uuid", "\uD83D\uDCA5"));
    }

    private static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    private static Arbitrary<String> overflowingNumber() {
        return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19), BigInteger.TEN.pow(40)).map(String::valueOf);
    }

    // ---------------------------------------------------------------- helpers

    private Request validRequest(ApiOperation operation) {
        Map<String, String> path = new LinkedHashMap<>();
        operation.pathParameters().forEach(p -> path.put(p.name(), targets.pathValue(operation, p.name())));
        Map<String, String> query = new LinkedHashMap<>();
        operation.queryParameters().forEach(p -> targets.queryValue(p).ifPresent(v -> query.put(p.name(), v)));
        byte[] body = operation.body() == null ? null
                : write(bodies.of(operation.body())).getBytes(StandardCharsets.UTF_8);
        return new Request(path, query, body);
    }

    /** The valid parts of a request, from which each input changes one. */
    private record Request(Map<String, String> path, Map<String, String> query, byte[] body) {

        FuzzInput withBody(Kind kind, String about, String description, JsonNode body, String echoProbe) {
            return new FuzzInput(kind, about, description, path, query,
                    write(body).getBytes(StandardCharsets.UTF_8), "application/json", echoProbe);
        }

        FuzzInput withRawBody(Kind kind, String about, String description, byte[] body, String contentType) {
            return new FuzzInput(kind, about, description, path, query, body, contentType, null);
        }

        FuzzInput withPath(Kind kind, String about, String description, String parameter, String value) {
            Map<String, String> bad = new LinkedHashMap<>(path);
            bad.put(parameter, value);
            return new FuzzInput(kind, about, description, bad, query, body, body == null ? null
                    : "application/json", probe(value));
        }

        /** The request with {@code parameter} set to {@code value}, or without it for null. */
        FuzzInput withQuery(Kind kind, String about, String description, String parameter, String value) {
            Map<String, String> bad = new LinkedHashMap<>(query);
            if (value == null) {
                bad.remove(parameter);
            } else {
                bad.put(parameter, value);
            }
            return new FuzzInput(kind, about, description, path, bad, body, body == null ? null
                    : "application/json", value == null ? null : probe(value));
        }
    }

    private static String probe(String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return value.chars().filter(c -> c < 0x20 || c == 0x7f).mapToObj(c -> String.valueOf((char) c))
                    .findFirst().orElseThrow();
        }
        return value.length() > 1_000 ? value.substring(0, 64) : null;
    }

    /** A value as the report shows it: control characters as U+XXXX, long ones cut. */
    static String describe(String value) {
        return describe(value, 40);
    }

    static String describe(String value, int max) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(max).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("U+%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return "\"" + shown + (value.length() > max ? "…\" (" + value.length() + " characters)" : "\"");
    }

    private static String jsonType(JsonNode value) {
        return value.isTextual() ? "string " + describe(value.asText()) : value.getNodeType().name().toLowerCase()
                + (value.isValueNode() ? " " + value : "");
    }

    private <T> T draw(Arbitrary<T> arbitrary) {
        return arbitrary.generator(1000).next(random).value();
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
