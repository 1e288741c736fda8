package lu.ccss.guichet.platform.problem;

import jakarta.ws.rs.WebApplicationException;

/** A path, query or header parameter that cannot be read as its type: a 400 naming it ({@link ProblemMappers}). */
public class InvalidParameterException extends WebApplicationException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message, 400);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
