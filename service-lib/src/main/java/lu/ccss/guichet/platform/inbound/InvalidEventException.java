package lu.ccss.guichet.platform.inbound;

/** A received record that cannot be handled as it is; it goes to the dead-letter topic with this reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
