package vn.gandan.support.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** Thrown by a service when a request is well-formed but breaks a domain rule; answered as a problem document. */
public class InvalidRequestException extends RuntimeException {

    private final HttpStatusCode status;
    private final List<ProblemDetailsAutoConfiguration.FieldError> errors;

    public InvalidRequestException(String field, String reason) {
        this(
                HttpStatus.BAD_REQUEST,
                "The request has invalid fields.",
                List.of(new ProblemDetailsAutoConfiguration.FieldError(field, reason)));
    }

    public InvalidRequestException(
            HttpStatusCode status, String detail, List<ProblemDetailsAutoConfiguration.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public HttpStatusCode status() {
        return status;
    }

    public List<ProblemDetailsAutoConfiguration.FieldError> errors() {
        return errors;
    }
}
