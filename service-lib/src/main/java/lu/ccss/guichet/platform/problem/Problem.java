package lu.ccss.guichet.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import lu.ccss.guichet.platform.errors.FieldError;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} names the offending fields of a bad request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The most offending fields one answer names (the detail says how many more there were). */
    public static final int MAX_FIELD_ERRORS = 20;

    /** The longest request path an answer repeats as its {@code instance}. */
    public static final int MAX_INSTANCE_LENGTH = 256;

    /**
     * The {@code instance} of a problem with the request: its path as sent, still percent-encoded, so that a control
     * character of a bad id does not come back decoded; none for a longer path than {@link #MAX_INSTANCE_LENGTH},
     * so that a huge id does not come back at all.
     */
    public static String instance(UriInfo uri) {
        String path = uri == null || uri.getRequestUri() == null ? null : uri.getRequestUri().getRawPath();
        return path == null || path.length() > MAX_INSTANCE_LENGTH ? null : path;
    }

}
