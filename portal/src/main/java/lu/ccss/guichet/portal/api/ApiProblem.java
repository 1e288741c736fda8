package lu.ccss.guichet.portal.api;

import java.util.List;
import java.util.Map;

/**
 * An error answer of a service (application/problem+json, RFC 9457), as the service stated it: status, detail and
 * the offending fields it named.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String detail;
    private final List<Map<String, Object>> errors;

    public ApiProblem(int status, String detail, List<Map<String, Object>> errors) {
        super(status + ": " + detail);
        this.status = status;
        this.detail = detail;
        this.errors = errors == null ? List.of() : errors;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** Each {@code {field, message}} the service named. */
    public List<Map<String, Object>> errors() {
        return errors;
    }
}
