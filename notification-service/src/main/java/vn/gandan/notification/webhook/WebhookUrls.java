package vn.gandan.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook may point at. Gandan calls them from inside its own network, so a URL that resolves to an
 * internal address would let a portal make gandan call its neighbours (server-side request forgery): the host is
 * resolved and every address it has must be public. Asked when a portal subscribes and again before each call,
 * since DNS may have changed in between.
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 2_000;

    static final String CODE = "gandan.notification.webhook.url.";
    static final String REQUIRED = CODE + "required";
    static final String TOO_LONG = CODE + "too-long";
    static final String MALFORMED = CODE + "malformed";
    static final String HTTPS_REQUIRED = CODE + "https-required";
    static final String USER_INFO = CODE + "user-info";
    static final String UNRESOLVABLE = CODE + "unresolvable";

    /** Addresses a webhook may not reach, each with its message code. */
    enum Internal {
        LOOPBACK,
        LINK_LOCAL,
        PRIVATE,
        MULTICAST,
        UNSPECIFIED;

        String code() {
            return CODE + "address." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** DNS, replaceable in unit tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL is refused: a message code and its arguments. */
    record Refusal(String code, Object... args) {}

    private final boolean allowHttp;
    private final boolean allowLoopback;
    private final boolean allowPrivate;
    private final Resolver resolver;

    WebhookUrls(boolean allowHttp, boolean allowLoopback, boolean allowPrivate, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    static WebhookUrls of(WebhookProperties properties) {
        return new WebhookUrls(
                properties.allowHttp(),
                properties.allowLoopback(),
                properties.allowPrivate(),
                InetAddress::getAllByName);
    }

    /** @return why the URL may not be used, or empty if it may */
    Optional<Refusal> check(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of(new Refusal(REQUIRED));
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of(new Refusal(TOO_LONG, MAX_LENGTH));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(new Refusal(MALFORMED));
        }
        if (!uri.isAbsolute()
                || uri.isOpaque()
                || uri.getHost() == null
                || uri.getHost().isEmpty()) {
            return Optional.of(new Refusal(MALFORMED));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(new Refusal(HTTPS_REQUIRED));
        }
        // Credentials in a URL end up in logs and proxies; the signature is how a portal knows it is gandan.
        if (uri.getRawUserInfo() != null) {
            return Optional.of(new Refusal(USER_INFO));
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of(new Refusal(UNRESOLVABLE));
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of(new Refusal(UNRESOLVABLE));
        }
        // Every address: a host with one public and one internal address would otherwise get through half the time.
        for (InetAddress address : addresses) {
            Optional<Internal> internal = classify(address).filter(this::refused);
            if (internal.isPresent()) {
                return Optional.of(new Refusal(internal.get().code()));
            }
        }
        return Optional.empty();
    }

    private boolean refused(Internal internal) {
        return switch (internal) {
            case LOOPBACK -> !allowLoopback;
            case PRIVATE -> !allowPrivate;
            case LINK_LOCAL, MULTICAST, UNSPECIFIED -> true;
        };
    }

    /** @return the kind of internal address this is, or empty for a public one */
    static Optional<Internal> classify(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            // ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) reach the embedded IPv4 address.
            if (!v6.isAnyLocalAddress() && !v6.isLoopbackAddress() && (isZero(b, 12) || isNat64(b))) {
                return classifyV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (v6.isAnyLocalAddress()) {
                return Optional.of(Internal.UNSPECIFIED);
            }
            if (v6.isLoopbackAddress()) {
                return Optional.of(Internal.LOOPBACK);
            }
            if (v6.isLinkLocalAddress()) {
                return Optional.of(Internal.LINK_LOCAL);
            }
            if (v6.isMulticastAddress()) {
                return Optional.of(Internal.MULTICAST);
            }
            // fc00::/7, unique local; fec0::/10, the deprecated site-local.
            if ((b[0] & 0xfe) == 0xfc || v6.isSiteLocalAddress()) {
                return Optional.of(Internal.PRIVATE);
            }
            return Optional.empty();
        }
        if (address instanceof Inet4Address v4) {
            return classifyV4(v4.getAddress());
        }
        return Optional.of(Internal.UNSPECIFIED);
    }

    private static Optional<Internal> classifyV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of(Internal.UNSPECIFIED); // 0/8, "this network"
        }
        if (first == 127) {
            return Optional.of(Internal.LOOPBACK);
        }
        if (first == 169 && second == 254) {
            return Optional.of(Internal.LINK_LOCAL); // where clouds keep their metadata endpoints
        }
        if (first >= 224 && first <= 239) {
            return Optional.of(Internal.MULTICAST);
        }
        if (first == 10
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 100 && second >= 64 && second <= 127)) {
            return Optional.of(Internal.PRIVATE); // RFC 1918, and RFC 6598's carrier-grade NAT space
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNat64(byte[] b) {
        if ((b[0] & 0xff) != 0x00 || (b[1] & 0xff) != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
