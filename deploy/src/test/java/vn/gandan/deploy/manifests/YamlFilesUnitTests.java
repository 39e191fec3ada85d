package vn.gandan.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every YAML file under deploy/ parses, every document of it (compose, Kubernetes, Prometheus, Grafana). */
class YamlFilesUnitTests {

    @Test
    void everyYamlFileUnderDeployParses() {
        List<Path> files = DeployFiles.find(".yaml", ".yml");
        assertThat(files)
                .as("deploy/ holds compose, Kubernetes, Prometheus and Grafana YAML")
                .hasSizeGreaterThan(20)
                .anyMatch(p -> p.endsWith("compose.yaml"))
                .anyMatch(p -> p.endsWith("prometheus/prometheus.yml"));
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            try {
                int documents = 0;
                for (Object document : DeployFiles.yaml().loadAll(DeployFiles.read(file))) {
                    documents++;
                }
                if (documents == 0) {
                    broken.add(file + ": no document");
                }
            } catch (RuntimeException e) {
                broken.add(file + ": " + e.getMessage());
            }
        }
        if (!broken.isEmpty()) {
            fail("YAML files that do not parse:\n" + String.join("\n", broken));
        }
    }

    @Test
    void aBrokenFileIsReported() {
        assertThat(parses("a: [1, 2\n")).isFalse();
        assertThat(parses("a: 1\n---\nb: {c: d\n")).isFalse();
        assertThat(parses("a: 1\n---\nb: 2\n")).isTrue();
    }

    private static boolean parses(String text) {
        try {
            DeployFiles.yaml().loadAll(text).forEach(d -> {});
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
