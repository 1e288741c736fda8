package lu.ccss.guichet.systemtest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lu.ccss.guichet.client.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What every answer to a bad input must be: a 4xx problem+json about the input, that does not repeat it. */
public final class Answers {

    /** The answers that show the input reached the operation's own checks (not its caller's or id's). */
    public static final Set<Integer> VALIDATION_STATUSES = Set.of(400, 413, 415, 422);
    /**
     * The only 4xx answers that are not problem documents, all from the HTTP layer before any code of the platform
     * runs: quarkus-oidc's 401 is the bearer challenge of RFC 6750 ({@code WWW-Authenticate}, no body); Vert.x's
     * HTTP decoder refuses an oversized request line (414) or header (431) with an empty body, and Quarkus offers
     * no hook to change that answer.
     */
    static final Map<Integer, String> HTTP_LAYER_ANSWERS = Map.of(
            401, "quarkus-oidc's bearer challenge",
            414, "Vert.x's HTTP decoder: request line too long",
            431, "Vert.x's HTTP decoder: header too large");
    /** An answer to a bad input is a problem document, not a page of its own. */
    static final int MAX_ANSWER_BYTES = 16 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Answers() {
    }

    /** What is wrong with {@code answer} to {@code input}, if anything. */
    public static List<String> problems(FuzzInput input, Response answer) {
        List<String> problems = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            problems.add("server error");
        } else if (status < 400) {
            problems.add("accepted");
        } else if (!answer.contentType().startsWith("application/problem+json")
                && !(input.kind() == FuzzInput.Kind.HTTP_LAYER && HTTP_LAYER_ANSWERS.containsKey(status))) {
            problems.add("not problem+json but '" + answer.contentType() + "'");
        }
        String text = answer.text();
        if (input.echoProbe() != null && (text.contains(input.echoProbe())
                || text.toLowerCase(Locale.ROOT).contains(escaped(input.echoProbe()).toLowerCase(Locale.ROOT)))) {
            problems.add("repeats the input");
        }
        if (answer.body().length > MAX_ANSWER_BYTES) {
            problems.add("answer of " + answer.body().length + " bytes");
        }
        if (input.kind().namesTheField && status == 400) {
            List<String> named = namedFields(answer);
            if (!named.isEmpty() && !named.contains(input.about())) {
                problems.add("names " + named + ", not " + input.about());
            }
        }
        return problems;
    }

    /** The {@code errors[].field} of a problem document (none if the answer is not one). */
    static List<String> namedFields(Response answer) {
        List<String> fields = new ArrayList<>();
        try {
            JsonNode errors = MAPPER.readTree(answer.body()).path("errors");
            errors.forEach(e -> fields.add(e.path("field").asText()));
        } catch (IOException e) {
            // not JSON: named nothing
        }
        return fields;
    }

    /** How a string shows in a JSON text: a control character as its {@code \}{@code u00XX} escape. */
    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    /** The first characters of an answer, for a report line (control characters shown as U+XXXX). */
    public static String excerpt(Response answer) {
        String text = answer.text();
        return BadInputs.describe(text, 300);
    }
}
