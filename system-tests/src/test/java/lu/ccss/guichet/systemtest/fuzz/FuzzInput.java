package lu.ccss.guichet.systemtest.fuzz;

import java.util.Map;

/**
 * One generated bad request for an operation.
 *
 * @param kind        the class of bad input
 * @param about       the body field or parameter it breaks ({@code body} for the body as a whole)
 * @param description what it is, short, for the report (never the huge value itself)
 * @param pathValues  path parameter values (decoded; encoded when the request is built)
 * @param query       query parameters (decoded)
 * @param body        the request body, or null for none
 * @param contentType the Content-Type header, or null for none
 * @param echoProbe   a piece of the input the answer must not repeat (a control character, the start of a huge
 *                    string), or null
 */
public record FuzzInput(Kind kind, String about, String description, Map<String, String> pathValues,
                        Map<String, String> query, byte[] body, String contentType, String echoProbe) {

    /** The classes of bad input, each derived from the operation's schema. */
    public enum Kind {
        WRONG_TYPE(true),
        MISSING_REQUIRED(true),
        EXTRA_FIELD(false),
        HUGE_STRING(true),
        CONTROL_CHARACTER(true),
        UNKNOWN_ENUM(true),
        DEEP_NESTING(false),
        MALFORMED_JSON(false),
        WRONG_CONTENT_TYPE(false),
        BAD_PATH_PARAMETER(false),
        BAD_QUERY_PARAMETER(false),
        /** A request the HTTP layer refuses before any operation: unknown path, method, Accept, size of URI or header. */
        HTTP_LAYER(false);

        /** Whether a 400 for such an input names the field it broke in {@code errors[].field}. */
        final boolean namesTheField;

        Kind(boolean namesTheField) {
            this.namesTheField = namesTheField;
        }
    }

    @Override
    public String toString() {
        return kind + " " + about + " (" + description + ")";
    }
}
