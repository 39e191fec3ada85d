package vn.gandan.events;

/** An event that cannot be read: unknown type, malformed payload, or a subject that contradicts it. Never retried. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
