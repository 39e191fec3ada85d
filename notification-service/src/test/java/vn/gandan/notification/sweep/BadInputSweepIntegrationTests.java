package vn.gandan.notification.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.testsupport.RealInfrastructure;
import vn.gandan.testsupport.sweep.BadInputSweep;
import vn.gandan.testsupport.sweep.Credentials;
import vn.gandan.testsupport.sweep.Operation;
import vn.gandan.testsupport.sweep.StoredDocuments;
import vn.gandan.testsupport.sweep.SweepReport;

/**
 * Issue 8's sweep against notification: malformed requests to every operation of its OpenAPI document (webhooks,
 * deliveries), as the demo portal of Nghệ An for the webhooks and as Nghệ An's operator for the deliveries, and a
 * few as nobody, as Hà Nội's portal and as Hà Nội's operator. Every answer a 4xx problem document, none a 5xx,
 * nothing stored. The same context (three portals, production's webhook rules) as {@code
 * WebhookSubscriptionsIntegrationTests}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gandan.notification.webhooks.allow-http=false",
            "gandan.notification.webhooks.allow-loopback=false",
            "gandan.notification.webhooks.allow-private=false",
            "gandan.notification.webhooks.max-per-portal=3",
            "gandan.security.portals[0].id=nghe-an-demo",
            "gandan.security.portals[0].province=40",
            "gandan.security.portals[0].key-sha256=9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90",
            // SHA-256 of "other-portal-key": a second portal of the same province.
            "gandan.security.portals[1].id=nghe-an-other",
            "gandan.security.portals[1].province=40",
            "gandan.security.portals[1].key-sha256=8f5611cea8d21541f8952cfe4318c9609c71cad2c560f14eb5a6e8930e816cde",
            // SHA-256 of "hanoi-portal-key": a portal of Hà Nội.
            "gandan.security.portals[2].id=ha-noi-portal",
            "gandan.security.portals[2].province=01",
            "gandan.security.portals[2].key-sha256=d1c4a48382a37694dfde2a1b7c411df85001f4e80078abf02fd083dab3a6a689"
        })
@ActiveProfiles("local")
@RealInfrastructure
class BadInputSweepIntegrationTests {

    /**
     * Written by the event listeners and the dispatcher from the topics, whatever callers do: deliveries and their
     * queue, digests, daily caps, the petitions' facts. What callers can write, webhook
     * subscriptions, is counted (and a retry only changes a delivery that exists, which none of these ids is).
     */
    static final Set<String> BACKGROUND =
            Set.of("deliveries", "delivery_queue", "digests", "delivery_caps", "petition_facts");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyMalformedRequestIsRefusedWithAProblemAndNothingIsStored() {
        Map<String, Long> stored = StoredDocuments.count(mongo, BACKGROUND);

        SweepReport report = BadInputSweep.at(port)
                .fromOpenApi()
                .credentials(BadInputSweepIntegrationTests::validCaller)
                .otherCallers(
                        Credentials.none(),
                        Credentials.apiKey("hanoi-portal-key"),
                        Credentials.basic("operator-hn", "operator-hn"))
                .foreignIds("01", "00004", "ubnd-01")
                .run();
        report.writeTo(Path.of("target", "bad-input-sweep.txt"));

        assertThat(report.serverErrors()).as(report.describe()).isEmpty();
        assertThat(report.offenders()).as(report.describe()).isEmpty();
        assertThat(StoredDocuments.count(mongo, BACKGROUND)).isEqualTo(stored);
    }

    static Credentials validCaller(Operation op) {
        return op.path().startsWith("/api/v1/webhooks")
                ? Credentials.apiKey("demo-portal-key")
                : Credentials.basic("operator", "operator");
    }
}
