package vn.gandan.intake.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gandan.testsupport.Http;

/** Samples from a service's own Prometheus scrape, as an operator's dashboard would read them. */
final class Scrape {

    private Scrape() {}

    /** The value of the one sample of {@code name} (the outbox meters have a single series per service). */
    static double sample(int port, String name) {
        String scrape = Http.at(port).get("/actuator/prometheus").body();
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(scrape);
        assertThat(sample.find()).as(name + " in /actuator/prometheus").isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
