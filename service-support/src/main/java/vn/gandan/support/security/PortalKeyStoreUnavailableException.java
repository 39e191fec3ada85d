package vn.gandan.support.security;

/**
 * The store of issued portal keys could not be asked (MongoDB unreachable or timing out), so a key could be
 * neither accepted nor refused. Callers answer 503 with {@code Retry-After}, never 401: the key may be good.
 */
public class PortalKeyStoreUnavailableException extends RuntimeException {

    /** Seconds a client should wait before retrying, as the other 503s of gandan say. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public PortalKeyStoreUnavailableException(Throwable cause) {
        super("The portal key store is unreachable", cause);
    }
}
