package lu.ccss.guichet.platform.errors;

/** One offending field of a request: its JSON path and what is wrong with it (never what was typed). */
public record FieldError(String field, String message) {
}
