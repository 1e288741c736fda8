package lu.ccss.guichet.platform.errors;

import java.time.Duration;
import java.util.List;

/**
 * A rule of the domain said no. It names the kind of refusal, never an HTTP status: the edge (service-lib
 * {@code ProblemMappers}) turns each kind into its status and a problem document. Its message carries no secret.
 */
public class DomainException extends RuntimeException {

    /** What kind of no. */
    public enum Kind {
        /** The input breaks a rule; {@link #errors()} names the fields. */
        INVALID,
        /** The caller may not do this. */
        NOT_ALLOWED,
        /** No such thing, or the caller may not know it exists. */
        NOT_FOUND,
        /** The current state does not allow it. */
        CONFLICT,
        /** Well formed, but not accepted (codes that do not go together), without saying which part is wrong. */
        NOT_ACCEPTED,
        /** It existed but is over for good (an expired invitation). */
        GONE,
        /** Too many failed attempts; try again after {@link #retryAfter()}. */
        TOO_MANY_ATTEMPTS,
        /** A system this one depends on cannot answer now. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String title;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public DomainException(Kind kind, String title, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static DomainException invalid(String detail, List<FieldError> errors) {
        return new DomainException(Kind.INVALID, "Invalid request", detail, errors, null);
    }

    public static DomainException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Kind.NOT_FOUND, "Not found", detail, null, null);
    }

    public static DomainException notAllowed(String detail) {
        return new DomainException(Kind.NOT_ALLOWED, "Forbidden", detail, null, null);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, "Conflict", detail, null, null);
    }

    public static DomainException gone(String detail) {
        return new DomainException(Kind.GONE, "Gone", detail, null, null);
    }

    public static DomainException tooManyAttempts(String detail, Duration retryAfter) {
        return new DomainException(Kind.TOO_MANY_ATTEMPTS, "Too many attempts", detail, null, retryAfter);
    }

    public static DomainException unavailable(String title, String detail) {
        return new DomainException(Kind.UNAVAILABLE, title, detail, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
