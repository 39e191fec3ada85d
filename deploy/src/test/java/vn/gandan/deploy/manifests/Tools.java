package vn.gandan.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The command-line tools the manifest checks run (kubectl, promtool): found on the PATH or at their usual place, or
 * the test fails saying how to install them; never skipped, since a skipped check would pass unchecked manifests.
 */
final class Tools {

    record Result(int exitCode, String output) {}

    private Tools() {}

    static Path find(String tool, String howToInstall) {
        String override = System.getenv(tool.toUpperCase());
        Stream<Path> candidates = Stream.concat(
                Stream.ofNullable(override).map(Path::of),
                Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                                .filter(dir -> !dir.isBlank())
                                .map(dir -> Path.of(dir, tool)),
                        Stream.of(Path.of("/usr/bin", tool), Path.of("/usr/local/bin", tool))));
        Optional<Path> found = candidates.filter(Files::isExecutable).findFirst();
        assertThat(found)
                .as("%s is needed to check deploy/'s manifests and was not found on the PATH: %s", tool, howToInstall)
                .isPresent();
        return found.get();
    }

    static Result run(Path tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(DeployFiles.root().toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
