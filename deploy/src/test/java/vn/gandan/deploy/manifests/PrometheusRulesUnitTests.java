package vn.gandan.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promtool (Debian's prometheus package) checks the alert rules, their unit tests and compose's Prometheus config. */
class PrometheusRulesUnitTests {

    private static final String INSTALL =
            "apt-get install prometheus (Debian's package brings promtool; .ci/run installs it), or set PROMTOOL";

    @Test
    void theAlertRulesAreValid() {
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        DeployFiles.find(".yml").stream()
                .filter(p -> p.getParent().endsWith("prometheus/rules"))
                .forEach(p -> args.add(p.toString()));
        assertThat(args).hasSizeGreaterThan(2);

        Tools.Result result = Tools.run(promtool(), args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void theAlertsFireOnTheirUnitTestsSeries() {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        DeployFiles.find(".test.yml").forEach(p -> args.add(p.toString()));
        assertThat(args).hasSizeGreaterThan(2);

        Tools.Result result = Tools.run(promtool(), args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /** The config names the rules where compose mounts them; checked here with the repository's path instead. */
    @Test
    void theComposePrometheusConfigIsValidAndLoadsTheRules(@TempDir Path dir) throws IOException {
        Path prometheus = DeployFiles.root().resolve("prometheus");
        String config = DeployFiles.read(prometheus.resolve("prometheus.yml"));
        assertThat(config).contains("/etc/prometheus/rules/");
        Path copy = dir.resolve("prometheus.yml");
        Files.writeString(copy, config.replace("/etc/prometheus/rules/", prometheus.resolve("rules") + "/"));

        Tools.Result result = Tools.run(promtool(), "check", "config", copy.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("1 rule files found");
    }

    @Test
    void aBrokenRuleFails(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "groups:\n  - name: x\n    rules:\n      - alert: X\n        expr: rate(up[5m]\n");

        Tools.Result result = Tools.run(promtool(), "check", "rules", broken.toString());

        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    private static Path promtool() {
        return Tools.find("promtool", INSTALL);
    }
}
