package vn.gandan.reporting.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.testsupport.RealInfrastructure;
import vn.gandan.testsupport.sweep.BadInputSweep;
import vn.gandan.testsupport.sweep.Credentials;
import vn.gandan.testsupport.sweep.SweepReport;

/**
 * Issue 8's sweep against reporting: malformed requests to every operation of its OpenAPI document (reports,
 * timelines, the summary, rebuilds), as Nghệ An's operator (admin for the admin API), and a few as nobody and as Hà
 * Nội's operator. Every answer a 4xx problem document, none a 5xx, and nothing changed: the projections are written
 * only by the event listener (so their counts move with the topics, and are not compared), and what callers can
 * change, the active version and the rebuild lease in {@code projection_versions} and the set of versioned
 * collections a rebuild creates, must stay as it was. The same context as {@code ResolutionReportsIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class BadInputSweepIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyMalformedRequestIsRefusedWithAProblemAndNothingIsChanged() {
        Set<String> collections = new TreeSet<>(mongo.getCollectionNames());
        List<Document> versions = mongo.findAll(Document.class, "projection_versions");

        SweepReport report = BadInputSweep.at(port)
                .fromOpenApi()
                .skip(op -> op.path().startsWith("/dashboard"))
                .credentials(op -> op.path().startsWith("/api/v1/admin")
                        ? Credentials.basic("admin", "admin")
                        : Credentials.basic("operator", "operator"))
                .otherCallers(Credentials.none(), Credentials.basic("operator-hn", "operator-hn"))
                .foreignIds("01", "00004", "ubnd-01")
                .nationwide(op -> op.path().startsWith("/api/v1/admin"))
                .run();
        report.writeTo(Path.of("target", "bad-input-sweep.txt"));

        assertThat(report.serverErrors()).as(report.describe()).isEmpty();
        assertThat(report.offenders()).as(report.describe()).isEmpty();
        assertThat(new TreeSet<>(mongo.getCollectionNames())).isEqualTo(collections);
        assertThat(mongo.findAll(Document.class, "projection_versions")).isEqualTo(versions);
    }
}
