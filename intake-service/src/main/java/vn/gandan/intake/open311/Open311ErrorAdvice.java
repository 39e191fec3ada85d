package vn.gandan.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.gandan.support.web.InvalidRequestException;

/**
 * Every error of the Open311 controllers as the spec's error list, in the format the path asks for. Scoped to them
 * and ordered first, so the native API keeps its problem documents.
 */
@RestControllerAdvice(assignableTypes = {Open311ServicesController.class, Open311RequestsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorAdvice.class);

    private final Open311Responses responses;

    Open311ErrorAdvice(Open311Responses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
        return responses.errors(e.status(), Open311Format.of(request), e.errors());
    }

    /** A rule of the intake, named by the form field the client sent rather than by our field. */
    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<byte[]> invalid(InvalidRequestException e, HttpServletRequest request) {
        List<Open311Error> errors = e.errors().isEmpty()
                ? List.of(new Open311Error(e.status().value(), e.getMessage()))
                : e.errors().stream()
                        .map(field -> new Open311Error(
                                e.status().value(), ServiceRequestForm.formField(field.field()) + " " + field.reason()))
                        .toList();
        return responses.errors(e.status(), Open311Format.of(request), errors);
    }

    /** The spec says 403 for a missing or invalid key. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    ResponseEntity<byte[]> denied(Exception e, HttpServletRequest request) {
        return error(HttpStatus.FORBIDDEN, "This call needs a portal's api_key", request);
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<byte[]> storeUnavailable(DataAccessResourceFailureException e, HttpServletRequest request) {
        log.warn("Open311 call failed: the store is unreachable", e);
        ResponseEntity<byte[]> error =
                error(HttpStatus.SERVICE_UNAVAILABLE, "The service cannot reach its store; try again shortly", request);
        return ResponseEntity.status(error.getStatusCode())
                .headers(error.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(error.getBody());
    }

    /** Spring MVC's own refusals (a bad parameter, a method not allowed) keep their status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse mvc) {
            String detail = mvc.getBody().getDetail();
            return error(mvc.getStatusCode(), detail == null ? "The request is invalid" : detail, request);
        }
        log.error("Open311 call failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "General service error; please tell us if it persists", request);
    }

    private ResponseEntity<byte[]> error(HttpStatusCode status, String description, HttpServletRequest request) {
        return responses.errors(
                status, Open311Format.of(request), List.of(new Open311Error(status.value(), description)));
    }
}
