package vn.gandan.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends petitions to {@code POST /api/v1/petitions} in one {@link Phase} and records what came back.
 *
 * <p>Fixed rate (open loop): request {@code i} is due at {@code start + i / rate}; a pool of {@code
 * connections} threads takes the due requests in order, each waits for its due time, sends and waits for the
 * response. The latency is measured from the due time, so a slow response that holds up the requests behind
 * it is charged to them too (no coordinated omission). When every thread is busy, requests wait in the
 * driver and that wait is counted; the report shows the largest send lag.
 *
 * <p>Max throughput (closed loop): {@code workers} threads each send their next request as soon as the
 * previous one is answered; latency from the send. Throughput is counted by responses completed in the
 * window.
 *
 * <p>Both: the warm-up runs at the same load and is not recorded; then the window of {@link
 * Phase#duration()}.
 */
public final class LoadDriver {

    /** Where petitions are posted, and with which key. */
    public record Target(URI submit, String apiKey, Duration timeout) {}

    /** Told of every accepted petition, so that it can be followed downstream. */
    public interface AcceptListener {
        /**
         * @param id the petition id of the 201
         * @param sentNanos when the request left ({@link System#nanoTime()})
         * @param phase the phase's label when it counts in a measured window, else null
         */
        void accepted(String id, long sentNanos, String phase);
    }

    private static final AcceptListener NOBODY = (id, sent, phase) -> {};

    /** Fixed rate: how long after the window requests due in it may still be sent. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Target target;
    private final PetitionGenerator generator;
    private final CpuWatch cpu;
    private final long seed;
    private final PrintStream progress;
    private volatile AcceptListener listener = NOBODY;

    public LoadDriver(
            HttpClient client,
            Target target,
            PetitionGenerator generator,
            CpuWatch cpu,
            long seed,
            PrintStream progress) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.cpu = Objects.requireNonNull(cpu, "cpu");
        this.seed = seed;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public void onAccepted(AcceptListener listener) {
        this.listener = listener == null ? NOBODY : listener;
    }

    /** Sends one petition and returns its HTTP status and body; for a check before the phases. */
    public HttpResponse<String> sendOne() throws Exception {
        return client.send(request(generator.next(new SplittableRandom(seed)).json()), bodyHandler());
    }

    /**
     * Runs a phase to its end.
     *
     * @param connections fixed rate: the most requests in flight at once; ignored for max throughput (the
     *     phase's load is its number of workers)
     */
    public PhaseResult run(Phase phase, int connections) throws InterruptedException {
        int threads = phase.mode() == Phase.Mode.FIXED_RATE ? connections : phase.load();
        long start = System.nanoTime() + 100_000_000L; // every thread ready before the first request is due
        long measureFrom = start + phase.warmup().toNanos();
        long measureTo = measureFrom + phase.duration().toNanos();
        LongAdder responses = new LongAdder();
        LongAdder accepted = new LongAdder();
        List<Recording> recordings = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicLong nextDue = new AtomicLong();
        for (int w = 0; w < threads; w++) {
            Recording recording = new Recording();
            recordings.add(recording);
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + w);
            Runnable loop = phase.mode() == Phase.Mode.FIXED_RATE
                    ? () -> fixedRate(
                            phase.label(),
                            phase.load(),
                            start,
                            measureFrom,
                            measureTo,
                            nextDue,
                            random,
                            recording,
                            responses,
                            accepted)
                    : () -> closedLoop(
                            phase.label(), start, measureFrom, measureTo, random, recording, responses, accepted);
            Thread thread = new Thread(loop, "bench-" + phase.mode().code() + "-" + w);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }

        progress.printf(
                Locale.ROOT,
                "%s: %d s warm-up, then %d s measured (%d threads)%n",
                phase.label(),
                phase.warmup().toSeconds(),
                phase.duration().toSeconds(),
                threads);
        sleepUntil(measureFrom);
        CpuWatch.Snapshot cpuFrom = cpu.snapshot();
        long reportedResponses = responses.sum();
        long reportedAccepted = accepted.sum();
        long lastReport = System.nanoTime();
        while (System.nanoTime() < measureTo) {
            sleepUntil(Math.min(measureTo, lastReport + 10_000_000_000L));
            long now = System.nanoTime();
            double seconds = (now - lastReport) / 1e9;
            long r = responses.sum();
            long a = accepted.sum();
            progress.printf(
                    Locale.ROOT,
                    "  %5.0f s  %7.1f responses/s  %7.1f accepted/s%n",
                    (now - measureFrom) / 1e9,
                    (r - reportedResponses) / seconds,
                    (a - reportedAccepted) / seconds);
            reportedResponses = r;
            reportedAccepted = a;
            lastReport = now;
        }
        CpuWatch.Snapshot cpuTo = cpu.snapshot();

        // Requests due in the window may still be waiting for a worker, or for their response.
        long deadline = measureTo + DRAIN.toNanos() + target.timeout().toNanos() + 2_000_000_000L;
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                worker.join(Math.max(1, left / 1_000_000));
            }
        }
        Recording merged = new Recording();
        int leftBehind = 0;
        for (int i = 0; i < workers.size(); i++) {
            Thread worker = workers.get(i);
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(2_000);
            }
            if (worker.isAlive()) {
                leftBehind++;
                merged.noAnswer(); // its recording may still change: left out
            } else {
                merged.add(recordings.get(i));
            }
        }
        if (leftBehind > 0) {
            progress.printf(
                    Locale.ROOT, "  %d requests still unanswered at the end: counted as failures%n", leftBehind);
        }
        return new PhaseResult(
                phase, threads, Duration.ofNanos(measureTo - measureFrom), merged, CpuWatch.between(cpuFrom, cpuTo));
    }

    private void fixedRate(
            String label,
            int rate,
            long start,
            long measureFrom,
            long measureTo,
            AtomicLong nextDue,
            SplittableRandom random,
            Recording recording,
            LongAdder responses,
            LongAdder accepted) {
        double interval = 1e9 / rate;
        long sendDeadline = measureTo + DRAIN.toNanos();
        while (true) {
            long due = start + Math.round(nextDue.getAndIncrement() * interval);
            if (due >= measureTo) {
                return;
            }
            // Made while waiting for the due time; when behind schedule, its making counts in the latency.
            String body = generator.next(random).json();
            sleepUntil(due);
            long sent = System.nanoTime();
            if (sent > sendDeadline) {
                // The system fell so far behind the offered rate that this request is still waiting to be sent.
                if (due >= measureFrom) {
                    recording.unsent();
                }
                continue;
            }
            Outcome outcome = send(body);
            if (outcome == null) {
                return;
            }
            accepted(outcome, sent, due >= measureFrom ? label : null);
            if (due >= measureFrom) {
                recording.sendLag((sent - due) / 1000);
                record(outcome, due, recording, responses, accepted);
            }
        }
    }

    private void closedLoop(
            String label,
            long start,
            long measureFrom,
            long measureTo,
            SplittableRandom random,
            Recording recording,
            LongAdder responses,
            LongAdder accepted) {
        sleepUntil(start);
        while (System.nanoTime() < measureTo) {
            String body = generator.next(random).json();
            long sent = System.nanoTime();
            Outcome outcome = send(body);
            if (outcome == null) {
                return;
            }
            boolean measured = outcome.done() >= measureFrom && outcome.done() < measureTo;
            accepted(outcome, sent, measured ? label : null);
            if (measured) {
                record(outcome, sent, recording, responses, accepted);
            }
        }
    }

    /** A response (status and, unless 201, its body; the petition id of a 201) or a failure, and when it ended. */
    private record Outcome(int status, String body, String id, Exception failure, long done) {}

    private void accepted(Outcome outcome, long sent, String label) {
        if (outcome.id() != null) {
            listener.accepted(outcome.id(), sent, label);
        }
    }

    /** The {@code id} of a petition view, the first field intake writes; null if not found. */
    static String petitionId(String body) {
        int at = body.indexOf("\"id\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + 6;
        int to = body.indexOf('"', from);
        return to < 0 ? null : body.substring(from, to);
    }

    /** @return the outcome, or null if the thread was interrupted */
    private Outcome send(String body) {
        try {
            HttpResponse<String> response = client.send(request(body), bodyHandler());
            int status = response.statusCode();
            long done = System.nanoTime();
            return status == 201
                    ? new Outcome(status, null, petitionId(response.body()), null, done)
                    : new Outcome(status, response.body(), null, null, done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return new Outcome(-1, null, null, e, System.nanoTime());
        }
    }

    /** @param from the due time (fixed rate) or the send time (max throughput) */
    private static void record(
            Outcome outcome, long from, Recording recording, LongAdder responses, LongAdder accepted) {
        if (outcome.failure() != null) {
            recording.failure(outcome.failure());
            return;
        }
        recording.response(outcome.status(), (outcome.done() - from) / 1000, outcome.body());
        responses.increment();
        if (outcome.status() == 201) {
            accepted.increment();
        }
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(target.submit())
                .timeout(target.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Api-Key", target.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static HttpResponse.BodyHandler<String> bodyHandler() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
