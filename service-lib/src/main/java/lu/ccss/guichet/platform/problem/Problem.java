package lu.ccss.guichet.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import lu.ccss.guichet.platform.errors.FieldError;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} names the offending fields of a bad request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The most offending fields one answer names (the detail says how many more there were). */
    public static final int MAX_FIELD_ERRORS = 20;

}
