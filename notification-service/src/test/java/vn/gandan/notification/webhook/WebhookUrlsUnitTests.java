package vn.gandan.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsUnitTests {

    /** Names as a fake DNS has them; IP literals are parsed, never looked up. */
    static final Map<String, String[]> DNS = Map.of(
            "portal.example.vn", new String[] {"203.0.113.10"},
            "half-internal.example.vn", new String[] {"203.0.113.11", "10.0.0.5"},
            "rebound.example.vn", new String[] {"169.254.169.254"});

    static final WebhookUrls.Resolver FAKE_DNS = host -> {
        if (host.matches("[0-9.]+") || host.startsWith("[")) {
            return InetAddress.getAllByName(host);
        }
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    };

    static final WebhookUrls PRODUCTION = new WebhookUrls(false, false, false, FAKE_DNS);

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "127.255.0.9, LOOPBACK",
        "::1, LOOPBACK",
        "169.254.169.254, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "10.0.0.1, PRIVATE",
        "10.255.255.255, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.254, PRIVATE",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, PRIVATE",
        "fc00::1, PRIVATE",
        "fd12:3456:789a::1, PRIVATE",
        "fec0::1, PRIVATE",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "ff02::1, MULTICAST",
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "::, UNSPECIFIED",
        // IPv4 inside IPv6: mapped (Java hands it back as IPv4), compatible and NAT64 reach the same hosts.
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:10.1.2.3, PRIVATE",
        "::192.168.0.1, PRIVATE",
        "64:ff9b::a9fe:a9fe, LINK_LOCAL"
    })
    void internalAddresses(String address, WebhookUrls.Internal kind) throws Exception {
        assertThat(WebhookUrls.classify(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "203.0.113.10",
                "8.8.8.8",
                "172.15.255.255",
                "172.32.0.1",
                "192.169.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "11.0.0.1",
                "2001:db8::1",
                "2606:4700::1111",
                "fbff::1",
                "64:ff9b::808:808"
            })
    void publicAddresses(String address) throws Exception {
        assertThat(WebhookUrls.classify(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void acceptsAPublicHttpsUrl() {
        assertThat(PRODUCTION.check("https://portal.example.vn/gandan/events?v=1"))
                .isEmpty();
        assertThat(PRODUCTION.check("HTTPS://203.0.113.10:8443/hook")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpsUrl() {
        assertThat(code(PRODUCTION.check(null))).contains(WebhookUrls.REQUIRED);
        assertThat(code(PRODUCTION.check(" "))).contains(WebhookUrls.REQUIRED);
        assertThat(code(PRODUCTION.check("/relative/hook"))).contains(WebhookUrls.MALFORMED);
        assertThat(code(PRODUCTION.check("https:opaque"))).contains(WebhookUrls.MALFORMED);
        assertThat(code(PRODUCTION.check("https://exa mple.vn/"))).contains(WebhookUrls.MALFORMED);
        assertThat(code(PRODUCTION.check("http://portal.example.vn/hook"))).contains(WebhookUrls.HTTPS_REQUIRED);
        assertThat(code(PRODUCTION.check("ftp://portal.example.vn/hook"))).contains(WebhookUrls.HTTPS_REQUIRED);
        assertThat(code(PRODUCTION.check("https://user:pw@portal.example.vn/hook")))
                .contains(WebhookUrls.USER_INFO);
        assertThat(code(PRODUCTION.check("https://portal.example.vn/" + "a".repeat(WebhookUrls.MAX_LENGTH))))
                .contains(WebhookUrls.TOO_LONG);
        assertThat(PRODUCTION.check("https://portal.example.vn/" + "a".repeat(WebhookUrls.MAX_LENGTH - 26)))
                .as("exactly the limit")
                .isEmpty();
    }

    @Test
    void refusesHostsThatDoNotResolveOrResolveInside() {
        assertThat(code(PRODUCTION.check("https://nowhere.example.vn/hook"))).contains(WebhookUrls.UNRESOLVABLE);
        assertThat(code(PRODUCTION.check("https://half-internal.example.vn/hook")))
                .as("every address is checked, not only the first")
                .contains(WebhookUrls.Internal.PRIVATE.code());
        assertThat(code(PRODUCTION.check("https://rebound.example.vn/hook")))
                .contains(WebhookUrls.Internal.LINK_LOCAL.code());
        assertThat(code(PRODUCTION.check("https://127.0.0.1/hook"))).contains(WebhookUrls.Internal.LOOPBACK.code());
        assertThat(code(PRODUCTION.check("https://[::1]:8443/hook"))).contains(WebhookUrls.Internal.LOOPBACK.code());
        assertThat(code(PRODUCTION.check("https://[fd00::5]/hook"))).contains(WebhookUrls.Internal.PRIVATE.code());
    }

    @Test
    void loopbackAllowedAllowsOnlyLoopbackAndPrivateAllowedOnlyPrivate() {
        WebhookUrls developer = new WebhookUrls(true, true, false, FAKE_DNS);
        assertThat(developer.check("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(developer.check("http://[::1]:8080/hook")).isEmpty();
        assertThat(code(developer.check("http://10.0.0.1/hook"))).contains(WebhookUrls.Internal.PRIVATE.code());
        assertThat(code(developer.check("http://169.254.169.254/latest/meta-data")))
                .contains(WebhookUrls.Internal.LINK_LOCAL.code());

        WebhookUrls intranet = new WebhookUrls(false, false, true, FAKE_DNS);
        assertThat(intranet.check("https://10.0.0.1/hook")).isEmpty();
        assertThat(intranet.check("https://half-internal.example.vn/hook")).isEmpty();
        assertThat(code(intranet.check("https://127.0.0.1/hook"))).contains(WebhookUrls.Internal.LOOPBACK.code());
        assertThat(code(intranet.check("https://rebound.example.vn/hook")))
                .as("link-local, where cloud metadata lives, stays refused")
                .contains(WebhookUrls.Internal.LINK_LOCAL.code());
        assertThat(code(intranet.check("https://224.0.0.1/hook"))).contains(WebhookUrls.Internal.MULTICAST.code());
        assertThat(code(intranet.check("https://0.0.0.0/hook"))).contains(WebhookUrls.Internal.UNSPECIFIED.code());
    }

    private static Optional<String> code(Optional<WebhookUrls.Refusal> refusal) {
        return refusal.map(WebhookUrls.Refusal::code);
    }
}
