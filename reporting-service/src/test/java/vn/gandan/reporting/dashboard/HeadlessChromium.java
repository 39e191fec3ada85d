package vn.gandan.reporting.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a person's browser would load a page: it runs the page's scripts for a budget
 * of virtual time and hands back the DOM (or a screenshot). Flags as this machine needs them: no sandbox as root,
 * no background networking (the network is closed).
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    /** The page's DOM once its scripts ran. */
    static String dom(String url, Duration budget) throws IOException, InterruptedException {
        return new String(run(url, budget, "--dump-dom"), StandardCharsets.UTF_8);
    }

    /** A PNG of the page, to look at. */
    static void screenshot(String url, Duration budget, Path png) throws IOException, InterruptedException {
        run(url, budget, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1400");
    }

    private static byte[] run(String url, Duration budget, String... what) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    "The dashboard is tested in Debian's Chromium: apt-get install chromium (.ci/run does)");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=" + budget.toMillis()));
        command.addAll(List.of(what));
        command.add(url);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish with " + url);
        }
        return out;
    }
}
