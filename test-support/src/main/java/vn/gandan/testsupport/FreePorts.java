package vn.gandan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports nothing listens on, for a server a test starts later (or never) at a fixed address. */
public final class FreePorts {

    private FreePorts() {}

    /**
     * A port on 127.0.0.1 that was free a moment ago. Another process could take it before the caller binds it; on
     * a test machine that is rare enough.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
