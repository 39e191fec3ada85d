package vn.gandan.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's JSON error page: whatever reaches {@code /error} (Spring Security's firewall refusing a path with
 * {@code ..} or {@code %2e}, a {@code sendError} from a filter or from Tomcat once a request is mapped) is answered
 * with a problem document, as every other error is, whatever the request asked to accept.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    static final String REQUEST_REJECTED = "gandan.problem.request-rejected";
    static final String NOT_FOUND = "gandan.problem.not-found";
    static final String FAILED = "gandan.problem.failed";

    private final ProblemMessages messages;

    ProblemErrorController(ProblemMessages messages) {
        this.messages = messages;
    }

    @RequestMapping
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var locale = Languages.of(request);
        byte[] problem =
                ProblemWriter.document(messages, locale, status, uri == null ? null : uri.toString(), detail(status));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(problem);
    }

    static String detail(HttpStatus status) {
        if (status == HttpStatus.BAD_REQUEST) {
            return REQUEST_REJECTED;
        }
        return status == HttpStatus.NOT_FOUND ? NOT_FOUND : FAILED;
    }
}
