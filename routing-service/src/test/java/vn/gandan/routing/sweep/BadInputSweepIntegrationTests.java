package vn.gandan.routing.sweep;

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
 * Issue 8's sweep against routing: malformed requests to every operation of its OpenAPI document (cases, queues,
 * authorities, rules), each as a caller its rules let in (admin for the directory's and the rules' changes, the
 * responder of ubnd-17605 for a responder's case actions, Nghệ An's operator for the rest), and a few as nobody and
 * as Hà Nội's operator. Every answer a 4xx problem document, none a 5xx, nothing stored. Hà Nội's bodies (ubnd-01,
 * commune 00004) are the other province's ids. The same context as {@code CaseLifecycleIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class BadInputSweepIntegrationTests {

    /** Written by the service's own jobs whatever callers do: the deadline scheduler's timers and leases. */
    static final Set<String> BACKGROUND = Set.of("case_timers");

    static final Set<String> RESPONDERS_ACTIONS =
            Set.of("acknowledge", "extension", "pause", "resume", "resolve", "reject");

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
                .otherCallers(Credentials.none(), Credentials.basic("operator-hn", "operator-hn"))
                .foreignIds("ubnd-01", "so-y-te-01", "00004", "01")
                .nationwide(op -> validCaller(op).name().equals("user admin"))
                // A name or alias to look for: anything finds nothing, rightly.
                .searchText("q")
                .dataText("reason", "response", "explanation", "description", "name")
                .run();
        report.writeTo(Path.of("target", "bad-input-sweep.txt"));

        assertThat(report.serverErrors()).as(report.describe()).isEmpty();
        assertThat(report.offenders()).as(report.describe()).isEmpty();
        assertThat(StoredDocuments.count(mongo, BACKGROUND)).isEqualTo(stored);
    }

    static Credentials validCaller(Operation op) {
        String last = op.path().substring(op.path().lastIndexOf('/') + 1);
        boolean change = !op.method().equals("GET") && !last.equals("validate") && !last.equals("simulate");
        if (change && (op.path().startsWith("/api/v1/authorities") || op.path().startsWith("/api/v1/routing-rules"))) {
            return Credentials.basic("admin", "admin");
        }
        if (op.path().startsWith("/api/v1/cases") && RESPONDERS_ACTIONS.contains(last)) {
            return Credentials.basic("responder", "responder");
        }
        return Credentials.basic("operator", "operator");
    }
}
