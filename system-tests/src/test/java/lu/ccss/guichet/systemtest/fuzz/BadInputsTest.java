package lu.ccss.guichet.systemtest.fuzz;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generators of the fuzz suite make what they say, and the same on every run (no platform needed). */
class BadInputsTest {

    /** The platform's reading policy (service-lib's StrictJson), as far as a malformed text is concerned. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String VALID = "{\"name\":\"Boulangerie\",\"tags\":[\"a\"],\"count\":3}";

    private final BadInputs inputs = new BadInputs(new Schemas(Map.of()), null, 13);

    @BeforeAll
    static void session() {
        JqwikSession.start();
    }

    @AfterAll
    static void end() {
        JqwikSession.finish();
    }

    @Test
    void everyMalformationIsRefusedByAStrictReader() throws IOException {
        STRICT.readTree(VALID);
        for (BadInputs.Malformation m : BadInputs.Malformation.values()) {
            byte[] text = m.apply(VALID, new Random(13));
            if (m.meansNoBody) {
                JsonNode read = text.length == 0 ? null : STRICT.readTree(text);
                assertTrue(read == null || read.isNull() || read.isMissingNode(), m.name());
            } else {
                assertThrows(IOException.class, () -> STRICT.readTree(text), m.name());
            }
        }
    }

    @Test
    void aControlCharacterStringHoldsOneThatTheJsonRulesRefuse() {
        samples(inputs.withControlCharacter(), 200).forEach(s -> {
            long controls = s.chars().filter(c -> c < 0x20 || c == 0x7f).count();
            assertEquals(1, controls, s);
            assertTrue(s.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r'), "tab and line breaks are allowed");
        });
    }

    @Test
    void aHugeStringIsUnderOrOverTheBodyLimit() {
        samples(inputs.hugeString(), 20).forEach(s -> assertTrue(s.length() == BadInputs.UNDER_BODY_LIMIT
                || s.length() == BadInputs.OVER_BODY_LIMIT, "length " + s.length()));
    }

    @Test
    void anUnknownValueIsNoneOfTheEnumeration() {
        List<String> known = List.of("AFFILIATIONS", "REMUNERATIONS", "EMPLOYER_DATA", "BILLING");
        samples(inputs.unknownValueOf(known), 200).forEach(s -> assertFalse(known.contains(s), s));
    }

    @Test
    void aWrongTypeIsNeverTheRightOne() {
        samples(inputs.wrongType("string"), 100).forEach(v -> assertFalse(v.isTextual(), v.toString()));
        samples(inputs.wrongType("boolean"), 100).forEach(v -> assertFalse(v.isBoolean(), v.toString()));
        samples(inputs.wrongType("array"), 100).forEach(v -> assertFalse(v.isArray(), v.toString()));
        samples(inputs.wrongType("object"), 100).forEach(v -> assertFalse(v.isObject(), v.toString()));
    }

    @Test
    void theSameSeedDrawsTheSameInputs() {
        assertEquals(samples(inputs.badQueryValue(), 50), samples(inputs.badQueryValue(), 50));
    }

    private static <T> List<T> samples(Arbitrary<T> arbitrary, int count) {
        Random random = new Random(13);
        return IntStream.range(0, count).mapToObj(i -> arbitrary.generator(1000).next(random).value()).toList();
    }
}
