package vn.gandan.notification.channel;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One JSON POST to an HTTP provider (the SMS gateway, Zalo ZNS), with the classification both share: 2xx is an
 * answer, 429 is throttling (its {@code Retry-After} honoured), 408 and 5xx, timeouts and I/O errors are transient,
 * any other status is permanent. Reasons carry the status and at most a scrubbed snippet of the body, never a
 * header.
 */
public final class ProviderHttp {

    private final String provider;
    private final HttpClient client;
    private final Duration readTimeout;

    /**
     * @param provider how reasons name it, e.g. {@code "sms gateway"}
     * @param connectTimeout to open the connection
     * @param readTimeout from sending the request to the response's headers
     */
    public ProviderHttp(String provider, Duration connectTimeout, Duration readTimeout) {
        this.provider = provider;
        this.readTimeout = readTimeout;
        // HTTP/1.1: no h2c upgrade dance on plain-http gateways; TLS gateways gain little from HTTP/2 at our rate.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Posts the JSON body and returns the 2xx response's body.
     *
     * @param request the URI and headers (method, body and timeout are set here)
     * @param secrets values scrubbed out of any reason (the token)
     * @throws ProviderException when the answer is not 2xx, or none came
     */
    public String postJson(HttpRequest.Builder request, String json, String... secrets) {
        HttpRequest built = request.timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw ProviderException.transientFailure(provider + ": no connection within " + connectTimeout(), e);
        } catch (HttpTimeoutException e) {
            throw ProviderException.transientFailure(provider + ": no answer within " + readTimeout, e);
        } catch (ConnectException e) {
            throw ProviderException.transientFailure(provider + ": connection refused", e);
        } catch (IOException e) {
            throw ProviderException.transientFailure(
                    provider + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Shutting down: not the message's fault, so deferred (interrupted threads are never retried).
            throw ProviderException.throttled(provider + ": interrupted", null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String answer = provider + " answered HTTP " + status;
        if (status == 429) {
            Duration retryAfter =
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            throw ProviderException.throttled(answer + " (rate limited)", retryAfter);
        }
        if (status == 408 || status >= 500) {
            throw ProviderException.transientFailure(answer, null);
        }
        String body = Masking.scrub(response.body(), secrets);
        throw ProviderException.permanent(answer + (body == null || body.isEmpty() ? "" : ": " + body));
    }

    private Duration connectTimeout() {
        return client.connectTimeout().orElse(Duration.ZERO);
    }

    /**
     * A {@code Retry-After} value: delay-seconds or an HTTP-date (RFC 9110).
     *
     * @return the wait, zero for a date in the past, null when absent or unreadable
     */
    public static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
