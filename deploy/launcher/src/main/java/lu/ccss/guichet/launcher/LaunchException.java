package lu.ccss.guichet.launcher;

/** The stack could not start; the message says what failed and where its log is. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
