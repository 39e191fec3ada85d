package vn.gandan.testsupport.sweep;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends malformed requests to every operation of a running service and collects each answer that is not a proper
 * refusal (by default a 4xx problem document), with the request that caused it.
 *
 * <p>Operations come from the service's OpenAPI document ({@link #fromOpenApi()}) and/or are listed. Each is tried
 * with the credentials {@link #credentials(Function)} gives it, valid ones, so that a 401 or 403 does not hide
 * what validation would answer; the first few variants of each operation are also sent as the {@link
 * #otherCallers(Credentials...)} (nobody, another province's portal or user). Bounded: about 60–400 requests per
 * operation, sent one at a time.
 */
public final class BadInputSweep {

    /** Variants re-sent as each other caller, per operation. */
    private static final int OTHER_CALLER_VARIANTS = 4;

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private boolean fromOpenApi;
    private final List<Operation> listed = new ArrayList<>();
    private final Map<String, String> bodies = new HashMap<>();
    private Predicate<Operation> skipped = op -> false;
    private Function<Operation, Credentials> credentials = op -> Credentials.none();
    private final List<Credentials> otherCallers = new ArrayList<>();
    private final List<String> foreignIds = new ArrayList<>();
    private Predicate<Operation> nationwide = op -> false;
    private final Set<String> dataText = new LinkedHashSet<>();
    private final Set<String> searchText = new LinkedHashSet<>();
    private final Map<String, String> pathValues = new HashMap<>();
    private final List<Map.Entry<Predicate<Operation>, AnswerCheck>> checks = new ArrayList<>();
    private boolean hugeBody = true;

    private BadInputSweep(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static BadInputSweep at(String baseUrl) {
        return new BadInputSweep(baseUrl);
    }

    public static BadInputSweep at(int port) {
        return at("http://127.0.0.1:" + port);
    }

    /** Reads the operations from {@code /v3/api-docs}. */
    public BadInputSweep fromOpenApi() {
        this.fromOpenApi = true;
        return this;
    }

    /** Operations the OpenAPI document lacks (or all of them, for a service without one). */
    public BadInputSweep operations(Operation... operations) {
        listed.addAll(List.of(operations));
        return this;
    }

    public BadInputSweep skip(Predicate<Operation> which) {
        this.skipped = this.skipped.or(which);
        return this;
    }

    /** A valid body for {@code "POST /api/v1/petitions"}, so that each spoiled field is the only thing wrong. */
    public BadInputSweep body(String operation, String validJson) {
        bodies.put(operation, validJson);
        return this;
    }

    public BadInputSweep credentials(Function<Operation, Credentials> valid) {
        this.credentials = valid;
        return this;
    }

    public BadInputSweep otherCallers(Credentials... callers) {
        otherCallers.addAll(List.of(callers));
        return this;
    }

    /** Another province's ids and codes (petitions, cases, authorities, communes, the province itself). */
    public BadInputSweep foreignIds(String... ids) {
        foreignIds.addAll(List.of(ids));
        return this;
    }

    /** Operations whose callers see every province (admins'): other provinces' ids are not foreign there. */
    public BadInputSweep nationwide(Predicate<Operation> which) {
        this.nationwide = this.nationwide.or(which);
        return this;
    }

    /** Fields and parameters whose text is data, stored as it is: no SQL is sent there, markup still is. */
    public BadInputSweep dataText(String... names) {
        dataText.addAll(List.of(names));
        return this;
    }

    /** Parameters that search text: no SQL, markup or JSON-looking text is sent there (it finds nothing, rightly). */
    public BadInputSweep searchText(String... names) {
        searchText.addAll(List.of(names));
        return this;
    }

    /** The value of a path variable where a variant leaves it alone (default {@code x}). */
    public BadInputSweep pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** Another notion of a proper refusal for some operations (Open311's error lists, a batch's own results). */
    public BadInputSweep check(Predicate<Operation> which, AnswerCheck check) {
        checks.add(Map.entry(which, check));
        return this;
    }

    /**
     * Stands for a value each request gets afresh (a portal's reference, say), so that a request the service wrongly
     * accepted does not turn every later one into a conflict with it: write it in a {@link #body} where such a value
     * goes.
     */
    public static final String UNIQUE = "sweep-unique-0000000000000000";

    /** Whether one body of 2 MB (under the size limit, so it is parsed) is sent to the first operation taking one. */
    public BadInputSweep hugeBody(boolean send) {
        this.hugeBody = send;
        return this;
    }

    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        if (fromOpenApi) {
            HttpResponse<String> docs = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                    .GET()
                    .timeout(Duration.ofSeconds(30))
                    .build());
            if (docs.statusCode() != 200) {
                throw new IllegalStateException("no OpenAPI document at " + baseUrl + ": " + docs.statusCode());
            }
            all.addAll(OpenApiOperations.read(docs.body()));
        }
        all.addAll(listed);
        List<Operation> kept = new ArrayList<>();
        for (Operation operation : all) {
            if (skipped.test(operation)) {
                continue;
            }
            String given = bodies.get(operation.toString());
            kept.add(given == null ? operation : operation.withBody(json.readTree(given)));
        }
        return kept;
    }

    public SweepReport run() {
        Instant started = Instant.now();
        List<Operation> operations = operations();
        Variants.Settings settings = new Variants.Settings(
                List.copyOf(foreignIds), Set.copyOf(dataText), Set.copyOf(searchText), Map.copyOf(pathValues));
        Variants.Settings everywhere =
                new Variants.Settings(List.of(), Set.copyOf(dataText), Set.copyOf(searchText), Map.copyOf(pathValues));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Finding> offenders = new ArrayList<>();
        boolean hugeSent = !hugeBody;
        for (Operation operation : operations) {
            Credentials valid = credentials.apply(operation);
            List<Probe> probes = Variants.of(operation, nationwide.test(operation) ? everywhere : settings);
            List<Map.Entry<Probe, Credentials>> sends = new ArrayList<>();
            probes.forEach(p -> sends.add(Map.entry(p, valid)));
            for (Credentials other : otherCallers) {
                probes.stream().limit(OTHER_CALLER_VARIANTS).forEach(p -> sends.add(Map.entry(p, other)));
            }
            if (!hugeSent && operation.takesBody()) {
                hugeSent = true;
                byte[] huge = ("{\"a\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
                sends.add(Map.entry(
                        new Probe(
                                operation,
                                "body of 2 MB",
                                operation.method(),
                                probes.get(0).target(),
                                Map.of("Content-Type", "application/json"),
                                huge),
                        valid));
            }
            AnswerCheck check = checkFor(operation);
            for (Map.Entry<Probe, Credentials> send : sends) {
                Answer answer = answer(send.getKey(), send.getValue());
                statuses.merge(answer.status(), 1, Integer::sum);
                String problem = check.problem(answer);
                if (problem != null) {
                    offenders.add(new Finding(send.getKey(), send.getValue(), answer, problem));
                }
            }
            counts.merge(operation.toString(), sends.size(), Integer::sum);
        }
        return new SweepReport(operations, counts, statuses, offenders, Duration.between(started, Instant.now()));
    }

    private AnswerCheck checkFor(Operation operation) {
        return checks.stream()
                .filter(c -> c.getKey().test(operation))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(AnswerCheck.problemDocument());
    }

    private Answer answer(Probe probe, Credentials caller) {
        HttpRequest.Builder request;
        try {
            request =
                    HttpRequest.newBuilder(URI.create(baseUrl + probe.target())).timeout(Duration.ofSeconds(20));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the sweep built a bad URI for " + probe.variant(), e);
        }
        Map<String, String> headers = new LinkedHashMap<>(caller.headers());
        headers.putAll(probe.headers());
        headers.forEach(request::header);
        request.method(
                probe.method(),
                probe.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(unique(probe.body())));
        try {
            HttpResponse<String> response = send(request.build());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body() == null ? "" : response.body());
        } catch (IllegalStateException e) {
            return new Answer(0, "", "no answer: " + e.getMessage());
        }
    }

    /** Each {@link #UNIQUE} in the body replaced by a fresh value of the same length (the bytes stay as they are). */
    static byte[] unique(byte[] body) {
        byte[] token = UNIQUE.getBytes(StandardCharsets.US_ASCII);
        byte[] copy = body.clone();
        for (int i = 0; i <= copy.length - token.length; i++) {
            if (java.util.Arrays.equals(copy, i, i + token.length, token, 0, token.length)) {
                String fresh = "sweep-"
                        + java.util
                                .UUID
                                .randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 23);
                System.arraycopy(fresh.getBytes(StandardCharsets.US_ASCII), 0, copy, i, token.length);
                i += token.length - 1;
            }
        }
        return copy;
    }

    /**
     * Tried twice when no answer came: a server refusing an oversized request line answers 400 and closes while the
     * body may still be arriving, and the reset that follows can discard that answer before the client reads it
     * (seen once in 3,181 probes). Two in a row is a finding.
     */
    private static HttpResponse<String> send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt == 2) {
                    throw new IllegalStateException(e.toString(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
