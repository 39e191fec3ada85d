package vn.gandan.routing.clock;

/** An extension the law does not allow: none for this step or complexity, too many, too long, or too late. */
public class ExtensionRefusedException extends RuntimeException {

    public ExtensionRefusedException(String message) {
        super(message);
    }
}
