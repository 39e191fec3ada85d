package vn.gandan.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deploy module's own files (compose, Kubernetes, Prometheus, Grafana), as the tests find them. */
final class DeployFiles {

    private DeployFiles() {}

    /** deploy/, wherever the build runs from (Maven runs tests in the module's directory). */
    static Path root() {
        for (Path candidate : List.of(Path.of(""), Path.of("deploy"))) {
            Path dir = candidate.toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve("compose.yaml")) && Files.isDirectory(dir.resolve("k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/ not found from " + Path.of("").toAbsolutePath());
    }

    /** Files under deploy/ whose names end with one of {@code suffixes}, build output left out. */
    static List<Path> find(String... suffixes) {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).startsWith("target"))
                    .filter(p -> Stream.of(suffixes)
                            .anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SnakeYAML for several documents a file; compose's anchors and merge keys (YAML 1.1) allowed, but bounded. */
    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return new Yaml(new SafeConstructor(options));
    }
}
