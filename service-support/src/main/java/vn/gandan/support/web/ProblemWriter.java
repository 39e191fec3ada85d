package vn.gandan.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 7807 problem documents from servlet filters, where no controller advice reaches, in the caller's
 * language by {@code Accept-Language} (filters run before Spring MVC resolves a locale), with
 * {@code Content-Language}.
 */
public final class ProblemWriter {

    private static final JsonMapper json = JsonMapper.builder().build();

    private ProblemWriter() {}

    /**
     * @param detail a message code, resolved with {@code args} in the caller's language (e.g.
     *     {@code "gandan.problem.api-key-invalid", "X-Api-Key"}), or a plain text, written as it is
     */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            @Nullable Object... args)
            throws IOException {
        write(ProblemMessages.of(request), Languages.of(request), request, response, status, detail, args);
    }

    /**
     * As {@link #write(HttpServletRequest, HttpServletResponse, HttpStatus, String, Object...)} for the request bound
     * to this thread by Spring's {@code RequestContextFilter} (which runs before security); English without one.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        HttpServletRequest request =
                RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                        ? attributes.getRequest()
                        : null;
        if (request != null) {
            write(request, response, status, detail);
        } else {
            write(ProblemMessages.supportOnly(), Languages.DEFAULT, null, response, status, detail);
        }
    }

    private static void write(
            ProblemMessages messages,
            Locale locale,
            @Nullable HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            @Nullable Object... args)
            throws IOException {
        byte[] problem =
                document(messages, locale, status, request == null ? null : request.getRequestURI(), detail, args);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.getOutputStream().write(problem);
    }

    /** The problem document's bytes (UTF-8 JSON), for writers that hold no servlet response of Spring's. */
    static byte[] document(
            ProblemMessages messages,
            Locale locale,
            HttpStatus status,
            @Nullable String instance,
            String detail,
            @Nullable Object... args) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.title(status, locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(detail, args, detail, locale));
        if (instance != null) {
            problem.put("instance", instance);
        }
        return json.writeValueAsBytes(problem);
    }
}
